package dev.agentry.admin.credentials;

import dev.agentry.admin.messages.PageMessages;
import dev.agentry.core.mcp.CredentialMcpSessions;
import dev.agentry.core.mcp.McpSessionView;
import dev.agentry.core.policy.CredentialService;
import dev.agentry.core.policy.CredentialView;
import dev.agentry.core.policy.Grant;
import dev.agentry.core.problem.AgentryException;
import dev.agentry.core.problem.FieldError;
import dev.agentry.core.starterpacks.StarterPack;
import dev.agentry.core.starterpacks.StarterPackCatalog;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One credential: create it (the secret shown once, on this view only), see it, change it, pause or
 * resume it, revoke it after a confirmation, rotate its secret; see its MCP sessions on this node and end
 * one after a confirmation. Every action is the core's, audited with the administrator as the actor.
 */
@Named
@ViewScoped
public class CredentialPage implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Pattern LIST_ENTRY = Pattern.compile("(ipAllowlist|eventInterests|scopes)\\[(\\d+)]");
    private static final Set<String> FIELDS = Set.of(
            "name", "owner", "description", "scopes", "ttlDays", "reminderDays", "eventInterests", "ipAllowlist");

    /** What the core's field names are called on the form, where the core's message uses its own name. */
    private static final Map<String, String> LABELS = Map.of(
            "name", "credentials.name",
            "owner", "credentials.owner",
            "description", "credential.description",
            "scopes", "credential.scopes",
            "ttlDays", "credential.ttl",
            "reminderDays", "credential.reminder");

    /** The flash key of a secret issued by the action before a redirect. */
    private static final String SECRET = "agentry.issuedSecret";

    @Inject
    transient CredentialService credentials;

    private String id;
    private CredentialView credential;
    private CredentialForm form = new CredentialForm();
    private String secret;
    private boolean confirmingRevoke;

    @Inject
    transient CredentialMcpSessions mcpSessions;

    private List<McpSessionView> sessions = List.of();

    /** The handle of the MCP session whose ending awaits confirmation, or null. */
    private String ending;

    @Inject
    transient StarterPackCatalog packs;

    /** The starter pack chosen on the create form, or empty. */
    private String starterPack = "";

    /**
     * The view action: loads the credential named by {@code ?id=}, or prepares an empty form. A secret
     * just issued by the action before the redirect arrives through the flash, shown on this one view.
     */
    public void load() {
        Object issued = FacesContext.getCurrentInstance()
                .getExternalContext()
                .getFlash()
                .get(SECRET);
        if (issued instanceof String text) {
            secret = text;
        }
        if (id != null && !id.isBlank() && credential == null) {
            try {
                credential = credentials.find(Grant.console(), id);
                form = CredentialForm.of(credential);
                sessions = mcpSessions.of(Grant.console(), credential.id());
            } catch (AgentryException e) {
                PageMessages.error(null, PageMessages.text("credential.notFound"));
            }
        }
    }

    /** Creates it, then shows it at its own address ({@code credential.xhtml?id=}) with the secret. */
    public String create() {
        if (!formIsComplete()) {
            return null;
        }
        try {
            CredentialView created = credentials.create(Grant.console(), form.request());
            PageMessages.info(PageMessages.text("credential.created"));
            return issued(created.id(), created.clientSecret());
        } catch (AgentryException e) {
            report(e);
            return null;
        }
    }

    public String save() {
        if (!formIsComplete()) {
            return null;
        }
        return act(() -> credentials.change(Grant.console(), id, form.request()), "credential.saved");
    }

    public String pause() {
        return act(() -> credentials.pause(Grant.console(), id), "credential.paused");
    }

    public String resume() {
        return act(() -> credentials.resume(Grant.console(), id), "credential.resumed");
    }

    public void askRevoke() {
        confirmingRevoke = true;
    }

    public void cancelRevoke() {
        confirmingRevoke = false;
    }

    public String revoke() {
        confirmingRevoke = false;
        return act(() -> credentials.revoke(Grant.console(), id), "credential.revoked");
    }

    /** Asks before ending an MCP session: its client has to initialise again. */
    public void askEnd(String handle) {
        ending = handle;
    }

    public void cancelEnd() {
        ending = null;
    }

    /** Ends the MCP session awaiting confirmation, then shows the credential again by a redirect. */
    public String endSession() {
        String handle = ending;
        ending = null;
        secret = null;
        try {
            mcpSessions.end(Grant.console(), id, handle);
            PageMessages.info(PageMessages.text("credential.mcpEnded", handle));
        } catch (AgentryException e) {
            PageMessages.error(null, e.detail());
        }
        return at(id);
    }

    public String rotate() {
        try {
            CredentialView rotated = credentials.rotate(Grant.console(), id);
            PageMessages.info(
                    PageMessages.text("credential.rotated", String.valueOf(rotated.previousSecretValidUntil())));
            return issued(rotated.id(), rotated.clientSecret());
        } catch (AgentryException e) {
            report(e);
            return null;
        }
    }

    /**
     * The redirect to the credential's page with a secret just issued. The flash keeps it on the server
     * for that one next request: it is never in an address, and a reload no longer shows it.
     */
    private static String issued(String credentialId, String clientSecret) {
        FacesContext.getCurrentInstance().getExternalContext().getFlash().put(SECRET, clientSecret);
        return at(credentialId);
    }

    private static String at(String credentialId) {
        return PageMessages.redirect("credential?id=" + URLEncoder.encode(credentialId, StandardCharsets.UTF_8));
    }

    private interface Action {
        CredentialView run();
    }

    /** Runs an action and shows the credential again by a redirect, so a reload does not repeat it. */
    private String act(Action action, String done) {
        secret = null;
        try {
            credential = action.run();
            PageMessages.info(PageMessages.text(done));
            return at(credential.id());
        } catch (AgentryException e) {
            report(e);
            return null;
        }
    }

    /** The console's own checks (lifetime, the confirmed "never"), each reported on its field. */
    private boolean formIsComplete() {
        Map<String, String> problems = form.problems();
        problems.forEach((field, key) -> PageMessages.error("credential:" + field, PageMessages.text(key)));
        return problems.isEmpty();
    }

    /** The core's field errors, each on its input; a list entry is named by its line in the text area. */
    private void report(AgentryException e) {
        if (e.errors().isEmpty()) {
            PageMessages.error(null, e.detail());
            return;
        }
        for (FieldError field : e.errors()) {
            Matcher entry = LIST_ENTRY.matcher(field.field());
            if (entry.matches() && !entry.group(1).equals("scopes")) {
                String text = entry.group(1).equals("ipAllowlist") ? form.getIpAllowlist() : form.getEventInterests();
                int line = CredentialForm.lineOf(text, Integer.parseInt(entry.group(2)));
                PageMessages.error(
                        "credential:" + entry.group(1), PageMessages.text("credential.badLine", line, field.message()));
            } else if (FIELDS.contains(field.field())) {
                PageMessages.error("credential:" + field.field(), humane(field));
            } else {
                PageMessages.error(null, field.field() + ": " + field.message());
            }
        }
    }

    /** The core's message with the field's raw name replaced by the name the form shows. */
    private static String humane(FieldError field) {
        String key = LABELS.get(field.field());
        if (key == null || !field.message().startsWith(field.field() + " ")) {
            return field.message();
        }
        return PageMessages.text(key) + field.message().substring(field.field().length());
    }

    public List<String> getLifetimes() {
        List<String> choices = new ArrayList<>(CredentialForm.LIFETIMES);
        if (!isCreating()) {
            choices.add(0, "keep");
        }
        return choices;
    }

    public boolean isCreating() {
        return credential == null;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public CredentialView getCredential() {
        return credential;
    }

    /** The create form's pack was chosen (or unchosen): it fills what the admin has not chosen. */
    public void applyStarterPack() {
        form.applyPack(packs.named(starterPack).orElse(null));
    }

    public List<StarterPack> getStarterPacks() {
        return packs.all();
    }

    /** The chosen pack's allowlist hint, or null. */
    public String getAllowlistHint() {
        return packs.named(starterPack).map(StarterPack::allowlistHint).orElse(null);
    }

    public String getStarterPack() {
        return starterPack;
    }

    public void setStarterPack(String starterPack) {
        this.starterPack = starterPack == null ? "" : starterPack;
    }

    public CredentialForm getForm() {
        return form;
    }

    public String getSecret() {
        return secret;
    }

    public boolean isConfirmingRevoke() {
        return confirmingRevoke;
    }

    /** The credential's live MCP sessions on this node, most recently used first. */
    public List<McpSessionView> getMcpSessions() {
        return sessions;
    }

    public String getEnding() {
        return ending;
    }
}
