package dev.agentry.core.catalog;

import dev.agentry.core.schema.Doc;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Map;

/** One page of a collection: records as the caller may see them, and where the next page starts. */
public record CollectionPage(
        @NotNull @Doc("The records, each by its collection's schema (collection.<name>)")
        List<Map<String, Object>> data,

        String nextCursor,
        boolean hasMore,
        int count) {}
