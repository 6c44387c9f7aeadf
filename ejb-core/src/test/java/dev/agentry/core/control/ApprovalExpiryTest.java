package dev.agentry.core.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.ejb.TimerService;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The expiry sweep: its first run is at start, not an interval later, and it works through a backlog in
 * batches of 500, each a transaction of its own, until a batch comes back short.
 */
class ApprovalExpiryTest {

    @Test
    void theFirstSweepIsAtStartThenEveryInterval() {
        List<Object[]> created = new ArrayList<>();
        ApprovalExpiry expiry = new ApprovalExpiry();
        expiry.interval = Duration.ofSeconds(30);
        expiry.timers = (TimerService) Proxy.newProxyInstance(
                TimerService.class.getClassLoader(), new Class<?>[] {TimerService.class}, (proxy, method, args) -> {
                    if (method.getName().equals("createIntervalTimer")) {
                        created.add(args);
                    }
                    return null;
                });

        expiry.schedule();

        assertEquals(1, created.size());
        assertEquals(0L, created.get(0)[0], "no wait for the first sweep");
        assertEquals(30_000L, created.get(0)[1]);
    }

    @Test
    void aBacklogIsExpiredInBatchesOf500UntilOneIsShort() {
        Batches batches = new Batches(500, 500, 137);
        assertEquals(1137, sweep(batches));
        assertEquals(List.of(500, 500, 500), batches.asked, "three bounded transactions");
    }

    @Test
    void aBacklogOfExactlyOneBatchTakesOneMoreLookToKnowItIsDone() {
        Batches batches = new Batches(500, 0);
        assertEquals(500, sweep(batches));
        assertEquals(2, batches.asked.size());
    }

    @Test
    void nothingOverdueIsOneLook() {
        Batches batches = new Batches(0);
        assertEquals(0, sweep(batches));
        assertEquals(1, batches.asked.size());
    }

    private static int sweep(Batches batches) {
        ApprovalExpiry expiry = new ApprovalExpiry();
        expiry.approvals = batches;
        return expiry.expireAll();
    }

    /** Approvals whose overdue backlog comes back in the given batch sizes. */
    private static final class Batches extends Approvals {

        final Deque<Integer> sizes = new ArrayDeque<>();
        final List<Integer> asked = new ArrayList<>();

        Batches(Integer... sizes) {
            this.sizes.addAll(List.of(sizes));
        }

        @Override
        public int expireOverdue(int batch) {
            asked.add(batch);
            return sizes.isEmpty() ? 0 : Math.min(batch, sizes.poll());
        }
    }
}
