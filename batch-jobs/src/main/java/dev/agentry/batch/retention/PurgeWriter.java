package dev.agentry.batch.retention;

import dev.agentry.core.retention.RetentionKind;
import dev.agentry.core.retention.RetentionService;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** Removes one chunk of expired records, in the chunk's transaction, counting them in the same one. */
@Named
@Dependent
public class PurgeWriter extends AbstractItemWriter {

    @Inject
    JobContext job;

    @Inject
    @BatchProperty
    String kind;

    @Inject
    RetentionService retention;

    @Override
    public void writeItems(List<Object> items) {
        retention.purge(
                RetentionKind.of(kind),
                job.getInstanceId(),
                items.stream().map(String.class::cast).toList());
    }
}
