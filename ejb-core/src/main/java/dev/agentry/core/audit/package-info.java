/**
 * The tamper-evident audit trail: one record per API call or action, written with its effect and
 * chained by HMAC-SHA256 under a key kept outside the database, with a verifier that names the first
 * broken link.
 */
package dev.agentry.core.audit;
