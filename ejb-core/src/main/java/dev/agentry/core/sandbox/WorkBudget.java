package dev.agentry.core.sandbox;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * How much time and how many bytes a piece of file work (copying a seed, diffing a workspace) may
 * take, and whether whoever asked for it still wants it. Loops ask {@link #check()} per file and per
 * chunk, so work ends within one chunk of its deadline, of a stop or of an interrupt, instead of
 * running on after its run has ended. Safe to share between the threads of one piece of work.
 */
public final class WorkBudget {

    /** Why work stopped short: {@link #TIME}, {@link #BYTES} or {@link #STOPPED}. */
    public static final class Exhausted extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private final String reason;

        Exhausted(String reason, String message) {
            super(message, null, false, false);
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }

        /** True when the work was stopped from outside (the run ended, the thread was interrupted). */
        public boolean stopped() {
            return reason.equals(STOPPED);
        }
    }

    public static final String TIME = "time";
    public static final String BYTES = "bytes";
    public static final String STOPPED = "stopped";

    private final long deadlineNanos;
    private final long maxBytes;
    private final BooleanSupplier stop;
    private final AtomicLong spent = new AtomicLong();

    private WorkBudget(long deadlineNanos, long maxBytes, BooleanSupplier stop) {
        this.deadlineNanos = deadlineNanos;
        this.maxBytes = maxBytes;
        this.stop = stop;
    }

    /** A budget of {@code time} from now and {@code maxBytes}; {@code stop} says when to give up early. */
    public static WorkBudget of(Duration time, long maxBytes, BooleanSupplier stop) {
        long nanos = time.isNegative() ? 0 : Math.min(Long.MAX_VALUE / 4, time.toNanos());
        return new WorkBudget(System.nanoTime() + nanos, maxBytes, stop);
    }

    /** No limit but an interrupt: for callers that bound the work otherwise (tests, small inputs). */
    public static WorkBudget unlimited() {
        return new WorkBudget(System.nanoTime() + Long.MAX_VALUE / 4, Long.MAX_VALUE, () -> false);
    }

    /** Throws {@link Exhausted} when the work must end now. Cheap: call it in every loop. */
    public void check() {
        if (Thread.currentThread().isInterrupted() || stop.getAsBoolean()) {
            throw new Exhausted(STOPPED, "The work was stopped.");
        }
        if (System.nanoTime() - deadlineNanos > 0) {
            throw new Exhausted(TIME, "The work ran out of time.");
        }
    }

    /** Counts bytes produced against the budget, then {@link #check()}s. */
    public void spend(long bytes) {
        if (spent.addAndGet(bytes) > maxBytes) {
            throw new Exhausted(BYTES, "The work produced more than " + maxBytes + " bytes.");
        }
        check();
    }

    /** Bytes that may still be produced. */
    public long remainingBytes() {
        return Math.max(0, maxBytes - spent.get());
    }

    public long maxBytes() {
        return maxBytes;
    }
}
