package dev.agentry.core.audit;

import dev.agentry.persistence.audit.AuditRecord;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Call records (reads and refusals, which change nothing) written in batches rather than one
 * transaction per request. A request that fills a batch writes it; the rest is flushed within a second
 * by the chainer's timer, before every verification and at shutdown. Action records never pass through
 * here: they are written in their effect's transaction. A crash can lose the last second of call records.
 */
@ApplicationScoped
class AuditBuffer {

    static final int BATCH = 200;

    private static final Logger LOG = Logger.getLogger(AuditBuffer.class);

    private final ConcurrentLinkedQueue<AuditRecord> pending = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();

    @Inject
    AuditWriter writer;

    void add(AuditRecord record) {
        pending.add(record);
        if (size.incrementAndGet() >= BATCH) {
            writeBatch();
        }
    }

    /** Writes everything buffered so far. */
    public void flush() {
        while (writeBatch() > 0) {
            // until empty
        }
    }

    private int writeBatch() {
        List<AuditRecord> batch = new ArrayList<>(BATCH);
        AuditRecord next;
        while (batch.size() < BATCH && (next = pending.poll()) != null) {
            batch.add(next);
        }
        if (!batch.isEmpty()) {
            size.addAndGet(-batch.size());
            writer.write(batch);
        }
        return batch.size();
    }

    /**
     * The chainer writes the buffer out as it stops, while the writer still runs; by the time the CDI
     * context is destroyed the writer has stopped, so anything still here arrived too late to be written.
     */
    @PreDestroy
    void close() {
        int lost = size.get();
        if (lost > 0) {
            LOG.errorf("%d audit call records arrived after the audit writer stopped and were not written", lost);
        }
    }
}
