/** Tokens: the OAuth 2.0 client-credentials endpoint, the JWKS that verifies them, and whoami. */
package dev.agentry.api.auth;
