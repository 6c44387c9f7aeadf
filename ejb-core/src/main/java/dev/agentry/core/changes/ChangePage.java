package dev.agentry.core.changes;

import jakarta.validation.constraints.NotNull;
import java.util.List;

/**
 * A page of the feed. {@code nextCursor} is always given: at the end of the feed it is where to ask
 * again later.
 */
public record ChangePage(
        @NotNull List<ChangeItem> data, @NotNull String nextCursor, boolean hasMore, int count) {}
