/**
 * Secrets at rest: signing keys' private keys and webhook secrets are sealed (envelope encryption)
 * under a key-encryption key that lives outside the database; clear values exist only in memory.
 */
package dev.agentry.core.secrets;
