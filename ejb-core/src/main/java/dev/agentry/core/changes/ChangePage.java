package dev.agentry.core.changes;

import java.util.List;

/**
 * A page of the feed. {@code nextCursor} is always given: at the end of the feed it is where to ask
 * again later.
 */
public record ChangePage(List<ChangeItem> data, String nextCursor, boolean hasMore, int count) {}
