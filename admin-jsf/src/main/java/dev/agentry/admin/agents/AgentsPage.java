package dev.agentry.admin.agents;

import dev.agentry.admin.messages.PageMessages;
import dev.agentry.core.agents.AgentView;
import dev.agentry.core.agents.Agents;
import dev.agentry.core.memory.AgentMemory;
import dev.agentry.core.memory.MemoryEntryView;
import dev.agentry.core.memory.MemoryLayer;
import dev.agentry.core.memory.MemoryPlace;
import dev.agentry.core.problem.AgentryException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Agents for the operator: every definition with where it came from, and the chosen agent's shared
 * memory (its agent layer; the credential and session layers are their credentials' own), an entry
 * viewed or deleted.
 */
@Named
@ViewScoped
public class AgentsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The most entries shown; the API pages through more. */
    private static final int SHOWN = 200;

    @Inject
    transient Agents agents;

    @Inject
    transient AgentMemory memory;

    private String slug;
    private List<AgentView> list = List.of();
    private AgentView selected;
    private List<MemoryEntryView> entries = List.of();

    public void load() {
        try {
            list = agents.list();
            selected = slug == null || slug.isBlank() ? null : agents.get(slug);
            entries = selected == null
                    ? List.of()
                    : memory.list(place(), null, SHOWN, null).data();
        } catch (AgentryException e) {
            PageMessages.error(null, e.detail());
        }
    }

    /**
     * Deletes one entry of the chosen agent's memory, whatever it holds now, and shows the agent again by
     * a redirect (Post/Redirect/Get): a reload does not delete again (nor delete an entry written since).
     */
    public String forget(String key) {
        try {
            memory.delete(place(), key, null);
            PageMessages.info(PageMessages.text("agents.memoryDeleted", key));
        } catch (AgentryException e) {
            PageMessages.error(null, e.detail());
        }
        return PageMessages.redirect("agents?slug=" + URLEncoder.encode(slug, StandardCharsets.UTF_8));
    }

    private MemoryPlace place() {
        return MemoryPlace.of(MemoryLayer.AGENT, slug, null, null);
    }

    public String getSlug() {
        return slug;
    }

    public void setSlug(String slug) {
        this.slug = slug;
    }

    public List<AgentView> getList() {
        return list;
    }

    public AgentView getSelected() {
        return selected;
    }

    public List<MemoryEntryView> getEntries() {
        return entries;
    }
}
