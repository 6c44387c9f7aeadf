/**
 * The collections of the system of record as declared once: their names, fields, personal data and the
 * scopes that read them. The catalog reads and writes them, the policy grants their scopes, the feed and
 * the webhooks name them; this package depends on none of those.
 */
package dev.agentry.core.collections;
