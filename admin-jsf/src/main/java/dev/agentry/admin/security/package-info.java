/**
 * Signing administrators in and keeping the console safe: the Jakarta Security form mechanism and
 * identity store over the admin accounts, the per-request filter (audit actor, security headers,
 * cross-site request check), and sign-out.
 */
package dev.agentry.admin.security;
