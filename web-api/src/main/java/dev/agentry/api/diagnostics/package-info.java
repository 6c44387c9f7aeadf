/** Starting the diagnostics job and reading its runs. */
package dev.agentry.api.diagnostics;
