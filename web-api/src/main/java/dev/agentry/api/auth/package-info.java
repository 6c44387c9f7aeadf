/**
 * Tokens: the OAuth 2.0 client-credentials endpoint, the JWKS that verifies them, the authorization
 * server metadata that points to both, and whoami.
 */
package dev.agentry.api.auth;
