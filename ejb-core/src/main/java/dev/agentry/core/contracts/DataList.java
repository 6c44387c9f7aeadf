package dev.agentry.core.contracts;

import jakarta.validation.constraints.NotNull;
import java.util.List;

/**
 * The {@code {"data": [...]}} shape a few lists are written in without paging ({@code /webhooks/subscriptions},
 * {@code /sync-state/lag}, {@code /imports}): what their schemas are generated from.
 */
public record DataList<T>(@NotNull List<T> data) {}
