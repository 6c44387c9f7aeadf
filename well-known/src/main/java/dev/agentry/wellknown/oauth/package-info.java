/** OAuth 2.0 discovery: the authorization server metadata of RFC 8414, at the server root. */
package dev.agentry.wellknown.oauth;
