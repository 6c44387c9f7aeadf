package dev.agentry.batch.artifacts;

import dev.agentry.core.runs.BundleReverification;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.Deque;

/** Reads the ids of runs with a sealed bundle in id order; its checkpoint is the last id handed out. */
@Named
@Dependent
public class BundleRunReader extends AbstractItemReader {

    static final int PAGE = 50;

    @Inject
    BundleReverification bundles;

    private final Deque<String> page = new ArrayDeque<>();
    private String lastId;
    private boolean exhausted;

    @Override
    public void open(Serializable checkpoint) {
        lastId = (String) checkpoint;
    }

    @Override
    public Object readItem() {
        if (page.isEmpty() && !exhausted) {
            page.addAll(bundles.runsWithBundles(lastId, PAGE));
            exhausted = page.isEmpty();
        }
        String id = page.poll();
        if (id != null) {
            lastId = id;
        }
        return id;
    }

    @Override
    public Serializable checkpointInfo() {
        return lastId;
    }
}
