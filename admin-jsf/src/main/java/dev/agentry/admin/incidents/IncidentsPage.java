package dev.agentry.admin.incidents;

import dev.agentry.admin.messages.PageMessages;
import dev.agentry.core.cursor.PageLimit;
import dev.agentry.core.incidents.IncidentService;
import dev.agentry.core.incidents.IncidentView;
import dev.agentry.core.policy.Grant;
import dev.agentry.core.problem.AgentryException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * Incidents for the operator: open first, critical before warn, each with since when, its value against
 * its thresholds and the advice; one incident's history when its id is given.
 */
@Named
@ViewScoped
public class IncidentsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient IncidentService incidents;

    private String id;
    private List<IncidentView> list = List.of();
    private IncidentView selected;

    public void load() {
        try {
            list = incidents
                    .list(Grant.console(), null, null, new PageLimit(PageLimit.MAX))
                    .data();
            selected = id == null || id.isBlank() ? null : incidents.find(Grant.console(), id);
        } catch (AgentryException e) {
            PageMessages.error(null, e.detail());
        }
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public List<IncidentView> getList() {
        return list;
    }

    public IncidentView getSelected() {
        return selected;
    }
}
