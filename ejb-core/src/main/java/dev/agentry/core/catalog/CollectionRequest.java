package dev.agentry.core.catalog;

import dev.agentry.core.cursor.PageLimit;
import java.time.Instant;
import java.util.List;

/**
 * A list request; {@link CollectionReader} checks the projection and filters against the collection and
 * names the parameter at fault.
 *
 * @param limit 1-200, default 50
 * @param cursor from the previous page's {@code nextCursor}
 * @param updatedSince records updated at or after it
 * @param q text searched for in the collection's searchable fields
 * @param fields comma-separated projection
 * @param filters each {@code field:value} (exact, {@code *} wildcard) or {@code field~value} (contains)
 */
public record CollectionRequest(
        PageLimit limit, String cursor, Instant updatedSince, String q, String fields, List<String> filters) {

    public CollectionRequest {
        limit = limit == null ? PageLimit.STANDARD : limit;
        filters = filters == null ? List.of() : List.copyOf(filters);
    }
}
