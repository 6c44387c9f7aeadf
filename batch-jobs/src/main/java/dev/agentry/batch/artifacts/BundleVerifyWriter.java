package dev.agentry.batch.artifacts;

import dev.agentry.core.runs.BundleReverification;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** Verifies one chunk of bundles again. */
@Named
@Dependent
public class BundleVerifyWriter extends AbstractItemWriter {

    @Inject
    BundleReverification bundles;

    @Override
    public void writeItems(List<Object> items) {
        bundles.reverify(items.stream().map(String.class::cast).toList());
    }
}
