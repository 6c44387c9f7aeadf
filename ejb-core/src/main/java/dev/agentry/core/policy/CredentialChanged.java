package dev.agentry.core.policy;

/**
 * Fired when a credential changed in a committed transaction, so cached policy is dropped at once.
 *
 * @param credentialId the credential's public id
 */
record CredentialChanged(String credentialId) {}
