/** The credential-reminders job's step. */
package dev.agentry.batch.credentials;
