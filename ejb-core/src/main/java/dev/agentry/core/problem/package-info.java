/** The stable error-code catalog every surface answers with, and the exception that carries a code. */
package dev.agentry.core.problem;
