package dev.agentry.core.cursor;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.function.Function;

/**
 * The one envelope of every list the API and the console read: a page of records, newest or oldest
 * first as the listing says, how many it holds, whether more follow and the cursor for the next.
 * {@code nextCursor} is always written, {@code null} at the end of a listing that has one; a listing
 * that is whole in one page (credentials, signing keys) is a page with {@code hasMore: false}.
 */
@JsonbPropertyOrder({"count", "data", "hasMore", "nextCursor"})
public record Page<T>(@NotNull List<T> data, @JsonbNillable String nextCursor, boolean hasMore, int count) {

    public static <T> Page<T> of(List<T> data, String nextCursor) {
        return new Page<>(data, nextCursor, nextCursor != null, data.size());
    }

    /**
     * The newest {@code limit} of {@code fetched}, which the caller read with one more than that:
     * {@code hasMore} says older records exist. Such a listing has no cursor; a larger limit shows more.
     */
    public static <T> Page<T> newest(List<T> fetched, int limit) {
        List<T> data = fetched.size() > limit ? fetched.subList(0, limit) : fetched;
        return new Page<>(List.copyOf(data), null, fetched.size() > limit, data.size());
    }

    /** Every record of a listing that has no further pages. */
    public static <T> Page<T> whole(List<T> data) {
        return of(data, null);
    }

    /**
     * A page is one answer to one read, compared by identity: JSON-B (Yasson) puts every object it writes into a
     * {@code HashSet} to detect cycles, so a record's deep hash over all its data (every field of every item)
     * cost 7 % of the CPU of a catalog page, REST or MCP, in the profile (bench/README.md, "MCP").
     */
    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }

    /** The same page with each record turned into {@code mapper}'s, e.g. with links added. */
    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        return new Page<>(data.stream().<R>map(mapper).toList(), nextCursor, hasMore, count);
    }
}
