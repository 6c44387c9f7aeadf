package dev.agentry.admin.agents;

import dev.agentry.core.agents.AgentRegistry;
import dev.agentry.core.agents.AgentView;
import dev.agentry.core.agents.Agents;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * Agents for the operator: every definition with where it came from (only the API's can be changed
 * here), and the definitions that were not registered and why. Each agent's own page is {@link AgentPage}.
 */
@Named
@ViewScoped
public class AgentsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient Agents agents;

    private List<AgentView> list = List.of();
    private List<AgentRegistry.Rejected> rejected = List.of();

    public void load() {
        list = agents.list();
        rejected = agents.rejected();
    }

    public List<AgentView> getList() {
        return list;
    }

    public List<AgentRegistry.Rejected> getRejected() {
        return rejected;
    }
}
