package dev.agentry.core.cursor;

import java.util.List;

/** A page of records, newest or oldest first as the listing says, with the cursor for the next. */
public record Page<T>(List<T> data, String nextCursor, boolean hasMore, int count) {

    public static <T> Page<T> of(List<T> data, String nextCursor) {
        return new Page<>(data, nextCursor, nextCursor != null, data.size());
    }
}
