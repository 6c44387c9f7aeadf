/** The diagnostics job's step. */
package dev.agentry.batch.diagnostics;
