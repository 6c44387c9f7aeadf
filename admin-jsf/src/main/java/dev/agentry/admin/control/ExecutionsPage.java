package dev.agentry.admin.control;

import dev.agentry.admin.messages.PageMessages;
import dev.agentry.core.control.ActionExecutions;
import dev.agentry.core.control.ExecutionView;
import dev.agentry.core.cursor.Page;
import dev.agentry.core.cursor.PageLimit;
import dev.agentry.core.policy.Grant;
import dev.agentry.core.problem.AgentryException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import java.io.Serializable;
import java.util.List;

/**
 * Governed actions executed, newest first a page at a time (older pages by the listing's cursor), and one
 * execution with its effect: the record before and after and the merge patch between them.
 */
@Named
@ViewScoped
public class ExecutionsPage implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Jsonb PRETTY = JsonbBuilder.create(new JsonbConfig().withFormatting(true));

    @Inject
    transient ActionExecutions executions;

    private String id;
    private String cursor;
    private List<ExecutionView> list = List.of();
    private String older;
    private ExecutionView selected;

    public void load() {
        try {
            Page<ExecutionView> page = executions.list(
                    Grant.console(),
                    null,
                    null,
                    PageLimit.STANDARD,
                    cursor == null || cursor.isBlank() ? null : cursor);
            list = page.data();
            older = page.nextCursor();
            selected = id == null || id.isBlank() ? null : executions.find(Grant.console(), id);
        } catch (AgentryException e) {
            PageMessages.error(null, e.detail());
        }
    }

    /** The execution's effect as indented JSON. */
    public String effect() {
        return selected == null ? "" : PRETTY.toJson(selected.effect());
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getCursor() {
        return cursor;
    }

    public void setCursor(String cursor) {
        this.cursor = cursor;
    }

    public List<ExecutionView> getList() {
        return list;
    }

    public String getOlder() {
        return older;
    }

    public ExecutionView getSelected() {
        return selected;
    }
}
