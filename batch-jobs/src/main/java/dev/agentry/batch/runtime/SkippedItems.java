package dev.agentry.batch.runtime;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * A step's record of the items it skipped and why, kept as the step's persistent user data so it is
 * saved with every checkpoint and survives a restart. Capped: a file of nothing but bad lines must not
 * grow the job repository without bound.
 */
public final class SkippedItems implements Serializable {

    private static final long serialVersionUID = 1L;
    static final int KEPT = 1000;

    private final ArrayList<String> problems = new ArrayList<>();
    private long dropped;

    public void add(String problem) {
        if (problems.size() < KEPT) {
            problems.add(problem);
        } else {
            dropped++;
        }
    }

    public List<String> problems() {
        if (dropped == 0) {
            return List.copyOf(problems);
        }
        List<String> all = new ArrayList<>(problems);
        all.add("… and " + dropped + " more");
        return all;
    }
}
