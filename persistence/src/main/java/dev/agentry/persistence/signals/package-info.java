/** What the nodes sharing one database tell each other: signals that name what a node must no longer cache. */
package dev.agentry.persistence.signals;
