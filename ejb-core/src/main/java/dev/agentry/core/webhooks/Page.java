package dev.agentry.core.webhooks;

import java.util.List;

/** A page of webhook records with the cursor for the next. */
public record Page<T>(List<T> data, String nextCursor, boolean hasMore, int count) {

    static <T> Page<T> of(List<T> data, String nextCursor) {
        return new Page<>(data, nextCursor, nextCursor != null, data.size());
    }
}
