package dev.agentry.core.catalog;

import java.util.List;

/**
 * A list request as the caller wrote it; {@link CollectionReader} validates every part and names the
 * parameter at fault.
 *
 * @param limit 1-200, default 50
 * @param cursor from the previous page's {@code nextCursor}
 * @param updatedSince ISO-8601 instant
 * @param q text searched for in the collection's searchable fields
 * @param fields comma-separated projection
 * @param filters each {@code field:value} (exact, {@code *} wildcard) or {@code field~value} (contains)
 */
public record CollectionRequest(
        String limit, String cursor, String updatedSince, String q, String fields, List<String> filters) {

    public CollectionRequest {
        filters = filters == null ? List.of() : List.copyOf(filters);
    }
}
