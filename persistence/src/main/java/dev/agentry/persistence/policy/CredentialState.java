package dev.agentry.persistence.policy;

/** What an operator last did to a credential; expiry is derived from the expiry time, not stored. */
public enum CredentialState {
    ACTIVE,
    PAUSED,
    REVOKED
}
