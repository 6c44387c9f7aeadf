/**
 * The keys the server keeps outside its database: the HMAC key that chains the audit trail and seals
 * cursors, and the key files it and the secrets' key-encryption keys are stored in.
 */
package dev.agentry.core.keys;
