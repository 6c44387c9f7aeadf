/**
 * Diagnostics: an operator-started batch job that writes what it sees of the database into it,
 * proving the batch runtime, the job repository and the application's database work together.
 */
package dev.agentry.core.diagnostics;
