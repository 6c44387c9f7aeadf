/** Agent task runs and their artifact bundles over HTTP. */
package dev.agentry.api.runs;
