package dev.agentry.batch.retention;

import dev.agentry.core.retention.RetentionKind;
import dev.agentry.core.retention.RetentionService;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Reads the keys of one kind's expired records in key order, a page at a time. Its checkpoint is the last
 * key handed out, so a restarted step goes on after the last committed chunk. A page shorter than asked for
 * ends the step, which is what bounds the kinds on disk to so many a pass.
 */
@Named
@Dependent
public class ExpiredKeyReader extends AbstractItemReader {

    /** Keys fetched per query when the step names no {@code page}: one chunk's worth at the default. */
    static final int PAGE = 500;

    @Inject
    JobContext job;

    @Inject
    @BatchProperty
    String kind;

    /** Keys fetched per query: the step's chunk size, so one query fills one chunk. */
    @Inject
    @BatchProperty
    String page;

    @Inject
    RetentionService retention;

    private final Deque<String> keys = new ArrayDeque<>();
    private int pageSize;
    private String lastKey;
    private boolean exhausted;

    @Override
    public void open(Serializable checkpoint) {
        lastKey = (String) checkpoint;
        pageSize = page == null || page.isBlank() ? PAGE : Integer.parseInt(page.strip());
    }

    @Override
    public Object readItem() {
        if (keys.isEmpty() && !exhausted) {
            List<String> fetched = retention.expired(RetentionKind.of(kind), job.getInstanceId(), lastKey, pageSize);
            keys.addAll(fetched);
            // A short page is the last: nothing more is expired, or the pass may remove no more of the kind.
            exhausted = fetched.size() < pageSize;
        }
        String key = keys.poll();
        if (key != null) {
            lastKey = key;
        }
        return key;
    }

    @Override
    public Serializable checkpointInfo() {
        return lastKey;
    }
}
