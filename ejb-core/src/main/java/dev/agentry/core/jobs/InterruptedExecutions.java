package dev.agentry.core.jobs;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Which executions the job repository still records as running although nothing runs them any more: those of a
 * node that is no longer alive, and, while this node starts, those of its own earlier life. An execution that
 * names no node predates the recording and counts as this node's. A live other node's executions are its own
 * business, whatever this node is doing.
 */
final class InterruptedExecutions {

    private InterruptedExecutions() {}

    /**
     * @param self this node's name
     * @param alive the nodes alive now
     * @param starting whether this node is starting (nothing it starts in this life runs yet)
     */
    static List<Long> of(Collection<RunningExecution> running, String self, Set<String> alive, boolean starting) {
        return running.stream()
                .filter(e -> {
                    String node = e.node() == null ? self : e.node();
                    return node.equals(self) ? starting : !alive.contains(node);
                })
                .map(RunningExecution::executionId)
                .toList();
    }
}
