/** Sessions: a credential's conversation with an agent across runs, its transcript and its writer lock. */
package dev.agentry.persistence.sessions;
