/** Opaque, sealed paging cursors shared by every paged feature. */
package dev.agentry.core.cursor;
