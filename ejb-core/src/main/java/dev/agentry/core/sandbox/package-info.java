/**
 * The disposable workspace of a run: seeding from an operator's directory or an archive, path rules
 * the file tools cannot get around, operator-declared verify steps, and redaction of secrets.
 */
package dev.agentry.core.sandbox;
