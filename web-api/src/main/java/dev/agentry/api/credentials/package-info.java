/** Managing credentials for automation; the console uses the same core boundary. */
package dev.agentry.api.credentials;
