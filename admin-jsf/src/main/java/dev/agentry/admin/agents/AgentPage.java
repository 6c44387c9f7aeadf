package dev.agentry.admin.agents;

import dev.agentry.admin.messages.PageMessages;
import dev.agentry.core.agents.AgentView;
import dev.agentry.core.agents.Agents;
import dev.agentry.core.memory.AgentMemory;
import dev.agentry.core.memory.MemoryEntryView;
import dev.agentry.core.memory.MemoryLayer;
import dev.agentry.core.memory.MemoryPlace;
import dev.agentry.core.policy.Grant;
import dev.agentry.core.problem.AgentryException;
import dev.agentry.core.problem.ErrorCode;
import dev.agentry.core.problem.FieldError;
import dev.agentry.core.runs.RunFilter;
import dev.agentry.core.runs.RunService;
import dev.agentry.core.runs.RunView;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One agent: its definition (tool policy, permission ceiling, memory policy, provider and model, where
 * it is defined), its recent runs and its shared memory; a new agent registered, an API agent changed,
 * or deleted after a confirmation. Every change goes through {@link Agents}, the boundary behind {@code
 * POST}/{@code PATCH}/{@code DELETE /agents}, so the same rules refuse the same things and the same
 * audit records ({@code agent.register}, {@code agent.update}, {@code agent.delete}) name the
 * administrator. An agent from startup code or a file is shown read-only: it changes where it is written.
 */
@Named
@ViewScoped
public class AgentPage implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The most runs and memory entries shown; the runs page and the API page through more. */
    private static final int RECENT_RUNS = 10;

    private static final int SHOWN_ENTRIES = 200;

    /** A list entry of the core's request, by the form's text area it came from. */
    private static final Pattern LIST_ENTRY =
            Pattern.compile("(toolPolicy\\.allow|toolPolicy\\.deny|permissionCeiling)\\[(\\d+)]");

    private static final Pattern PAIR = Pattern.compile("(toolPolicy\\.actions|metadata)\\.(.+)");

    /** The core's field names, as the form's inputs are called. */
    private static final Map<String, String> INPUTS = Map.of(
            "slug", "slug",
            "label", "label",
            "description", "description",
            "instructions", "instructions",
            "provider", "provider",
            "model", "model",
            "toolPolicy.allow", "allow",
            "toolPolicy.deny", "deny",
            "permissionCeiling", "ceiling",
            "memoryPolicy", "memoryLayers");

    @Inject
    transient Agents agents;

    @Inject
    transient AgentMemory memory;

    @Inject
    transient RunService runs;

    private String slug;
    private AgentView agent;
    private AgentForm form = new AgentForm();
    private List<String> providers = List.of();
    private List<RunView> recentRuns = List.of();
    /** Not kept with the session: an entry's value is JSON-P, which is not serializable; read again when needed. */
    private transient List<MemoryEntryView> entries = List.of();

    private boolean confirmingDelete;

    /** The view action: the agent named by {@code ?slug=} with its runs and memory, or an empty form. */
    public void load() {
        providers = agents.providers();
        if (blank(slug)) {
            return;
        }
        try {
            if (agent == null) {
                agent = agents.get(slug);
                form = AgentForm.of(agent);
            }
            recentRuns = runs.list(Grant.console(), new RunFilter(null, slug, null, null, null), RECENT_RUNS, null)
                    .data();
            entries = readEntries();
        } catch (AgentryException e) {
            PageMessages.error(null, agent == null ? PageMessages.text("agent.notFound") : e.detail());
        }
    }

    /** Registers it, then shows it at its own address ({@code agent.xhtml?slug=}). */
    public String create() {
        if (!formIsComplete()) {
            return null;
        }
        try {
            AgentView created = agents.register(form.request(true));
            PageMessages.info(PageMessages.text("agent.created", created.slug()));
            return PageMessages.redirect(at(created.slug()));
        } catch (AgentryException e) {
            report(e);
            return null;
        }
    }

    public String save() {
        if (!formIsComplete()) {
            return null;
        }
        try {
            agent = agents.update(slug, form.request(false));
            PageMessages.info(PageMessages.text("agent.saved"));
            return PageMessages.redirect(at(slug));
        } catch (AgentryException e) {
            report(e);
            return null;
        }
    }

    public void askDelete() {
        confirmingDelete = true;
    }

    public void cancelDelete() {
        confirmingDelete = false;
    }

    /** Deletes it with its memory and sessions (its ended runs stay), then shows the list. */
    public String delete() {
        confirmingDelete = false;
        try {
            agents.delete(Grant.console(), slug);
            PageMessages.info(PageMessages.text("agent.deleted", slug));
            return PageMessages.redirect("agents");
        } catch (AgentryException e) {
            report(e);
            return null;
        }
    }

    /** Deletes one entry of the agent's memory, whatever it holds now. */
    public String forget(String key) {
        try {
            memory.delete(place(), key, null);
            PageMessages.info(PageMessages.text("agents.memoryDeleted", key));
            return PageMessages.redirect(at(slug));
        } catch (AgentryException e) {
            PageMessages.error(null, e.detail());
            return null;
        }
    }

    private MemoryPlace place() {
        return MemoryPlace.of(MemoryLayer.AGENT, slug, null, null);
    }

    private static String at(String slug) {
        return "agent?slug=" + URLEncoder.encode(slug, StandardCharsets.UTF_8);
    }

    /** The console's own check, each reported on its field: the lines of the pair lists it cannot read. */
    private boolean formIsComplete() {
        Map<String, List<Integer>> problems = form.problems();
        problems.forEach((input, lines) ->
                lines.forEach(line -> PageMessages.error("agent:" + input, PageMessages.text("agent.badPair", line))));
        return problems.isEmpty();
    }

    /**
     * The core's refusal: each field error on its input (a list entry by its line), a taken slug on the
     * slug, anything else on the page.
     */
    private void report(AgentryException e) {
        if (isCreating() && e.code() == ErrorCode.CONFLICT) {
            PageMessages.error("agent:slug", e.detail());
            return;
        }
        if (e.errors().isEmpty()) {
            PageMessages.error(null, e.detail());
            return;
        }
        for (FieldError field : e.errors()) {
            Matcher entry = LIST_ENTRY.matcher(field.field());
            Matcher pair = PAIR.matcher(field.field());
            if (entry.matches() && !entry.group(1).equals("permissionCeiling")) {
                String input = INPUTS.get(entry.group(1));
                String text = input.equals("allow") ? form.getAllow() : form.getDeny();
                int line = AgentForm.lineOf(text, Integer.parseInt(entry.group(2)));
                PageMessages.error("agent:" + input, PageMessages.text("agent.badLine", line, field.message()));
            } else if (entry.matches()) {
                PageMessages.error("agent:ceiling", field.message());
            } else if (pair.matches()) {
                String input = pair.group(1).equals("metadata") ? "metadata" : "actions";
                String text = input.equals("metadata") ? form.getMetadata() : form.getActions();
                int line = AgentForm.lineNaming(text, pair.group(2));
                PageMessages.error(
                        "agent:" + input,
                        line > 0
                                ? PageMessages.text("agent.badLine", line, field.message())
                                : pair.group(2) + ": " + field.message());
            } else if (INPUTS.containsKey(field.field())) {
                PageMessages.error("agent:" + INPUTS.get(field.field()), field.message());
            } else {
                PageMessages.error(null, field.field() + ": " + field.message());
            }
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    public boolean isCreating() {
        return agent == null;
    }

    /** The memory layers a policy may name, for the form's choices. */
    public List<String> getLayers() {
        return Arrays.stream(MemoryLayer.values()).map(MemoryLayer::wire).toList();
    }

    /** The providers offered: those an agent may name, and the agent's own if it is no longer configured. */
    public List<String> getProviders() {
        if (agent == null || providers.contains(agent.provider())) {
            return providers;
        }
        List<String> all = new ArrayList<>(providers);
        all.add(agent.provider());
        return all;
    }

    /** Why the agent cannot be changed here: where it is defined. */
    public String getReadOnlyReason() {
        return PageMessages.text("agent.readOnly", agent.origin());
    }

    public String getShownCeiling() {
        return String.join(", ", agent.permissionCeiling());
    }

    public String getShownAllow() {
        return String.join(", ", agent.toolPolicy().allow());
    }

    public String getShownDeny() {
        return String.join(", ", agent.toolPolicy().deny());
    }

    public String getShownActions() {
        return shown(agent.toolPolicy().actions());
    }

    public String getShownMetadata() {
        return shown(agent.metadata());
    }

    /** The memory policy in words: the layers its runs may use and whether they write, then any other setting. */
    public String getShownMemoryPolicy() {
        AgentForm stored = AgentForm.of(agent);
        String policy = stored.getMemoryLayers().isEmpty()
                ? PageMessages.text("agent.memoryNoLayers")
                : PageMessages.text(
                        stored.isMemoryWrite() ? "agent.memoryReadWrite" : "agent.memoryReadOnly",
                        String.join(", ", stored.getMemoryLayers()));
        String other = stored.otherMemorySettings();
        return other.equals("{}") ? policy : policy + " · " + PageMessages.text("agent.memoryOther", other);
    }

    private static String shown(Map<String, String> pairs) {
        return String.join(
                ", ",
                pairs.entrySet().stream()
                        .map(e -> e.getKey() + " = " + e.getValue())
                        .toList());
    }

    public String getSlug() {
        return slug;
    }

    public void setSlug(String slug) {
        this.slug = slug;
    }

    public AgentView getAgent() {
        return agent;
    }

    public AgentForm getForm() {
        return form;
    }

    public List<RunView> getRecentRuns() {
        return recentRuns;
    }

    public List<MemoryEntryView> getEntries() {
        if (entries == null) { // this view came back from another node's copy of the session
            try {
                entries = blank(slug) ? List.of() : readEntries();
            } catch (AgentryException e) {
                entries = List.of(); // the agent went meanwhile: the page says so on its next load
            }
        }
        return entries;
    }

    private List<MemoryEntryView> readEntries() {
        return memory.list(place(), null, SHOWN_ENTRIES, null).data();
    }

    public boolean isConfirmingDelete() {
        return confirmingDelete;
    }
}
