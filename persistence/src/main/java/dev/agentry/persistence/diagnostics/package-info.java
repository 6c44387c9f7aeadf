/** Records left by the diagnostics batch job, proving the database, batch and persistence wiring. */
package dev.agentry.persistence.diagnostics;
