package dev.agentry.core.jobs;

import java.util.List;

/**
 * What a chunk step of an execution did, summed over its steps.
 *
 * @param read items read
 * @param written items written
 * @param skipped items skipped as bad
 * @param problems what was wrong with the skipped items, e.g. {@code line 4: name is required}
 */
public record StepReport(long read, long written, long skipped, List<String> problems) {

    public StepReport {
        problems = List.copyOf(problems);
    }
}
