package dev.agentry.core.control;

import dev.agentry.core.cursor.CursorSeal;
import dev.agentry.core.cursor.Page;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Keyset paging of a control listing newest first, by (time, id): the cursor seals the last record's
 * position with the listing's binding (its caller and filters), so it serves only the listing it came
 * from and a record written meanwhile neither repeats nor skips one.
 */
final class NewestFirst {

    private NewestFirst() {}

    /**
     * Appends to {@code jpql} the condition of records after the cursor's position (none without a
     * cursor), with its parameters. {@code time} and {@code id} are the JPQL paths of the ordering keys.
     */
    static void after(
            CursorSeal seal,
            String cursor,
            String binding,
            String time,
            String id,
            StringBuilder jpql,
            Map<String, Object> parameters) {
        if (cursor == null) {
            return;
        }
        String payload = seal.open(cursor);
        if (!payload.startsWith(binding + "|")) {
            throw CursorSeal.invalid("The cursor belongs to another listing or other filters.");
        }
        String[] position = payload.substring(binding.length() + 1).split("\\|", 2);
        Instant at;
        try {
            at = Instant.ofEpochMilli(Long.parseLong(position[0]));
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            throw CursorSeal.invalid("The cursor is not one this API issued, or it was altered.");
        }
        if (position.length < 2) {
            throw CursorSeal.invalid("The cursor is not one this API issued, or it was altered.");
        }
        jpql.append(" and (" + time + " < :cursorAt or (" + time + " = :cursorAt and " + id + " < :cursorId))");
        parameters.put("cursorAt", at);
        parameters.put("cursorId", position[1]);
    }

    /** The first {@code limit} of {@code fetched} (read with one more), with the cursor of the next page. */
    static <T, V> Page<V> page(
            CursorSeal seal,
            String binding,
            List<T> fetched,
            int limit,
            Function<T, Instant> time,
            Function<T, String> id,
            Function<T, V> view) {
        boolean more = fetched.size() > limit;
        List<T> page = more ? fetched.subList(0, limit) : fetched;
        String next = null;
        if (more) {
            T last = page.get(page.size() - 1);
            next = seal.seal(binding + "|" + time.apply(last).toEpochMilli() + "|" + id.apply(last));
        }
        return Page.of(page.stream().map(view).toList(), next);
    }
}
