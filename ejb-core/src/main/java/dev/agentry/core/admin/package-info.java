/**
 * Console administrators: accounts with a slow password hash, login with lockout after repeated
 * failures, and the bootstrap account of a first start.
 */
package dev.agentry.core.admin;
