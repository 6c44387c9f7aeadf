package dev.agentry.admin.runs;

import dev.agentry.core.cursor.Page;
import dev.agentry.core.policy.Grant;
import dev.agentry.core.runs.RunFilter;
import dev.agentry.core.runs.RunService;
import dev.agentry.core.runs.RunView;
import dev.agentry.persistence.runs.RunStatus;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/** Runs, newest first, filtered by status and agent, a page at a time. */
@Named
@ViewScoped
public class RunsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient RunService runs;

    private String status = "";
    private String agent;
    private List<RunRow> rows = List.of();
    private String next;
    private final List<String> previous = new ArrayList<>();
    private String current;

    /** The view action; {@code ?status=} from the dashboard preselects the filter. */
    public void load() {
        read(null);
    }

    public void filter() {
        previous.clear();
        read(null);
    }

    public void nextPage() {
        previous.add(current);
        read(next);
    }

    public void previousPage() {
        read(previous.isEmpty() ? null : previous.remove(previous.size() - 1));
    }

    private void read(String cursor) {
        current = cursor;
        RunStatus filter = RunStatus.parse(status).orElse(null);
        Page<RunView> page = runs.list(
                Grant.console(),
                new RunFilter(filter, agent == null || agent.isBlank() ? null : agent.strip(), null, null, null),
                25,
                cursor);
        rows = page.data().stream().map(RunRow::of).toList();
        next = page.nextCursor();
    }

    public List<RunRow> getRows() {
        return rows;
    }

    public boolean isHasNext() {
        return next != null;
    }

    public boolean isHasPrevious() {
        return current != null;
    }

    public List<String> getStatuses() {
        return java.util.Arrays.stream(RunStatus.values()).map(RunStatus::wire).toList();
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status == null ? "" : status;
    }

    public String getAgent() {
        return agent;
    }

    public void setAgent(String agent) {
        this.agent = agent;
    }
}
