package dev.agentry.core.policy;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * One credential's requests in one window as this node knows them: what it admitted itself (counted per
 * request), how much of that it has added to the shared window, and what the other nodes had admitted when it
 * last read the window's total.
 */
final class WindowCount {

    /** The window: minutes since the epoch. */
    final long minute;

    final AtomicInteger admitted = new AtomicInteger();

    /** The other nodes' share of the window's total at the last sync. */
    volatile int others;

    /** How much of {@link #admitted} the shared window holds; touched by the sync only. */
    int synced;

    /** The window before, while it still has requests to add to the shared table. */
    volatile WindowCount previous;

    WindowCount(long minute, WindowCount replaced) {
        this.minute = minute;
        this.previous = replaced != null && replaced.minute == minute - 1 && replaced.unsynced() > 0 ? replaced : null;
    }

    int unsynced() {
        return admitted.get() - synced;
    }
}
