/** The changes feed: change records written with their changes, positioned after commit, read by sealed cursors. */
package dev.agentry.core.changes;
