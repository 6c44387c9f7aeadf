/** Managed credentials and the keys that sign their access tokens. */
package dev.agentry.persistence.policy;
