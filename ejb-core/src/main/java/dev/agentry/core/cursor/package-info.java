/** Paging shared by every paged feature: opaque sealed cursors and the page limit. */
package dev.agentry.core.cursor;
