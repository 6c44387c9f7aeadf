package dev.agentry.admin.credentials;

import dev.agentry.admin.messages.PageMessages;
import dev.agentry.core.policy.CredentialService;
import dev.agentry.core.policy.CredentialView;
import dev.agentry.core.policy.Grant;
import dev.agentry.core.problem.AgentryException;
import dev.agentry.core.problem.FieldError;
import dev.agentry.core.starterpacks.StarterPack;
import dev.agentry.core.starterpacks.StarterPackCatalog;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One credential: create it (the secret shown once, on this view only), see it, change it, pause or
 * resume it, revoke it after a confirmation, rotate its secret. Every action is the core's, audited
 * with the administrator as the actor.
 */
@Named
@ViewScoped
public class CredentialPage implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Pattern LIST_ENTRY = Pattern.compile("(ipAllowlist|eventInterests|scopes)\\[(\\d+)]");
    private static final Set<String> FIELDS = Set.of(
            "name", "owner", "description", "scopes", "ttlDays", "reminderDays", "eventInterests", "ipAllowlist");

    @Inject
    transient CredentialService credentials;

    private String id;
    private CredentialView credential;
    private CredentialForm form = new CredentialForm();
    private String secret;
    private boolean confirmingRevoke;

    @Inject
    transient StarterPackCatalog packs;

    /** The starter pack chosen on the create form, or empty. */
    private String starterPack = "";

    /** The view action: loads the credential named by {@code ?id=}, or prepares an empty form. */
    public void load() {
        if (id != null && !id.isBlank() && credential == null) {
            try {
                credential = credentials.find(Grant.console(), id);
                form = CredentialForm.of(credential);
            } catch (AgentryException e) {
                PageMessages.error(null, PageMessages.text("credential.notFound"));
            }
        }
    }

    public void create() {
        if (!lifetimeIsANumber()) {
            return;
        }
        try {
            credential = credentials.create(Grant.console(), form.request(true));
            secret = credential.clientSecret();
            id = credential.id();
            form = CredentialForm.of(credential);
            PageMessages.info(PageMessages.text("credential.created"));
        } catch (AgentryException e) {
            report(e);
        }
    }

    public void save() {
        if (!lifetimeIsANumber()) {
            return;
        }
        act(() -> credentials.change(Grant.console(), id, form.request(!form.isNeverExpires())), "credential.saved");
    }

    public void pause() {
        act(() -> credentials.pause(Grant.console(), id), "credential.paused");
    }

    public void resume() {
        act(() -> credentials.resume(Grant.console(), id), "credential.resumed");
    }

    public void askRevoke() {
        confirmingRevoke = true;
    }

    public void cancelRevoke() {
        confirmingRevoke = false;
    }

    public void revoke() {
        confirmingRevoke = false;
        act(() -> credentials.revoke(Grant.console(), id), "credential.revoked");
    }

    public void rotate() {
        try {
            CredentialView rotated = credentials.rotate(Grant.console(), id);
            secret = rotated.clientSecret();
            credential = rotated;
            PageMessages.info(
                    PageMessages.text("credential.rotated", String.valueOf(rotated.previousSecretValidUntil())));
        } catch (AgentryException e) {
            report(e);
        }
    }

    private interface Action {
        CredentialView run();
    }

    private void act(Action action, String done) {
        secret = null;
        try {
            credential = action.run();
            PageMessages.info(PageMessages.text(done));
        } catch (AgentryException e) {
            report(e);
        }
    }

    private boolean lifetimeIsANumber() {
        for (String field : new String[] {"ttlDays", "reminderDays"}) {
            String value = field.equals("ttlDays") ? form.getTtlDays() : form.getReminderDays();
            if (value != null && !value.isBlank() && !value.strip().matches("\\d{1,5}")) {
                PageMessages.error("credential:" + field, PageMessages.text("credential.notANumber"));
                return false;
            }
        }
        return true;
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
                PageMessages.error("credential:" + field.field(), field.message());
            } else {
                PageMessages.error(null, field.field() + ": " + field.message());
            }
        }
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
}
