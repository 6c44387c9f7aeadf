/** The changes feed of the read API. */
package dev.agentry.api.changes;
