package dev.agentry.batch.catalog;

import dev.agentry.batch.runtime.SkippedItems;
import jakarta.batch.api.chunk.listener.SkipProcessListener;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Reports each skipped record (its line and why) in the step's persistent data. */
@Named
@Dependent
public class ImportSkips implements SkipProcessListener {

    @Inject
    StepContext step;

    @Override
    public void onSkipProcessItem(Object item, Exception reason) {
        SkippedItems skipped = step.getPersistentUserData() instanceof SkippedItems known ? known : new SkippedItems();
        skipped.add(reason.getMessage());
        step.setPersistentUserData(skipped);
    }
}
