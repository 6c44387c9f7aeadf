package dev.agentry.api.policy;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Tokens MicroProfile JWT has already verified, each kept until its own expiry and never longer.
 * Bounded: when full, expired entries are swept and, if it is still full, new tokens are simply not
 * remembered (they are verified every time, as without the cache).
 *
 * @param <T> what a verification produced
 */
final class VerifiedTokens<T> {

    private record Entry<T>(T verified, long expiresAtSecond) {}

    private final Map<String, Entry<T>> entries = new ConcurrentHashMap<>();
    private final int capacity;
    private final LongSupplier nowSecond;

    VerifiedTokens(int capacity, LongSupplier nowSecond) {
        this.capacity = capacity;
        this.nowSecond = nowSecond;
    }

    Optional<T> find(String token) {
        Entry<T> entry = entries.get(token);
        if (entry == null) {
            return Optional.empty();
        }
        if (nowSecond.getAsLong() >= entry.expiresAtSecond()) {
            entries.remove(token, entry);
            return Optional.empty();
        }
        return Optional.of(entry.verified());
    }

    void remember(String token, T verified, long expiresAtSecond) {
        if (capacity <= 0 || nowSecond.getAsLong() >= expiresAtSecond) {
            return;
        }
        if (entries.size() >= capacity) {
            long now = nowSecond.getAsLong();
            entries.values().removeIf(e -> now >= e.expiresAtSecond());
            if (entries.size() >= capacity) {
                return;
            }
        }
        entries.put(token, new Entry<>(verified, expiresAtSecond));
    }

    int size() {
        return entries.size();
    }
}
