/** Recording API calls in the audit trail, and reading and verifying it. */
package dev.agentry.api.audit;
