package dev.agentry.core.catalog;

import java.util.List;
import java.util.Map;

/** One page of a collection: records as the caller may see them, and where the next page starts. */
public record CollectionPage(List<Map<String, Object>> data, String nextCursor, boolean hasMore, int count) {}
