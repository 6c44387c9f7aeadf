package dev.agentry.admin.webhooks;

import dev.agentry.admin.messages.PageMessages;
import dev.agentry.core.policy.CredentialService;
import dev.agentry.core.policy.CredentialView;
import dev.agentry.core.policy.Grant;
import dev.agentry.core.policy.Scope;
import dev.agentry.core.problem.AgentryException;
import dev.agentry.core.problem.FieldError;
import dev.agentry.core.webhooks.SubscriptionSecret;
import dev.agentry.core.webhooks.SubscriptionView;
import dev.agentry.core.webhooks.WebhookSubscriptions;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One webhook subscription: create it for a credential, change its URL, event types, description and
 * whether it is enabled, rotate its signing secret. Everything goes through {@link WebhookSubscriptions}, the
 * boundary the credential's own API calls use, so the same rules hold (the owner holds {@code
 * webhooks:manage}, names only event types its scopes and interests let reach it, the URL passes the SSRF
 * guard). The signing secret is shown once, on the view the action redirects to, through the flash.
 */
@Named
@ViewScoped
public class SubscriptionPage implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The flash key of a signing secret issued by the action before a redirect. */
    private static final String SECRET = "agentry.issuedSigningSecret";

    private static final Pattern EVENT_ENTRY = Pattern.compile("events\\[(\\d+)]");

    /** The core's field names, as the form's inputs are called. */
    private static final Map<String, String> INPUTS = Map.of(
            "credentialId", "owner",
            "url", "url",
            "events", "events",
            "description", "description",
            "status", "enabled");

    @Inject
    transient CredentialService credentials;

    @Inject
    transient WebhookSubscriptions subscriptions;

    private String credential;
    private String id;
    private SubscriptionView subscription;
    private SubscriptionForm form = new SubscriptionForm();
    private List<CredentialView> owners = List.of();
    private String secret;

    /**
     * The view action: the subscription named by {@code ?credential=&id=}, or an empty form for a new one
     * (its owner preselected when {@code ?credential=} names one).
     */
    public void load() {
        Object issued = FacesContext.getCurrentInstance()
                .getExternalContext()
                .getFlash()
                .get(SECRET);
        if (issued instanceof String text) {
            secret = text;
        }
        // Only credentials that may manage webhooks are offered as owners; the core refuses any other.
        owners = credentials.list(Grant.console()).stream()
                .filter(c -> c.scopes().contains(Scope.WEBHOOKS_MANAGE.scope()))
                .toList();
        if (blank(id)) {
            form.setOwner(credential);
            return;
        }
        if (subscription == null) {
            try {
                subscription = subscriptions.get(credential, id);
                form = SubscriptionForm.of(credential, subscription);
            } catch (AgentryException e) {
                PageMessages.error(null, PageMessages.text("subscription.notFound"));
            }
        }
    }

    /** Creates it (disabled at once if so asked), then shows it at its own address with its secret. */
    public String create() {
        if (blank(form.getOwner())) {
            PageMessages.error("subscription:owner", PageMessages.text("subscription.ownerRequired"));
            return null;
        }
        try {
            SubscriptionSecret created = subscriptions.create(form.getOwner(), form.creation());
            if (!form.isEnabled()) {
                subscriptions.update(form.getOwner(), created.subscription().id(), form.change());
            }
            PageMessages.info(PageMessages.text("subscription.created"));
            return issued(form.getOwner(), created);
        } catch (AgentryException e) {
            report(e);
            return null;
        }
    }

    public String save() {
        try {
            subscription = subscriptions.update(credential, id, form.change());
            PageMessages.info(PageMessages.text("subscription.saved"));
            return PageMessages.redirect(at(credential, id));
        } catch (AgentryException e) {
            report(e);
            return null;
        }
    }

    /** A new signing secret, shown once; the old one keeps signing for the configured overlap. */
    public String rotate() {
        try {
            SubscriptionSecret rotated = subscriptions.rotateSecret(credential, id);
            PageMessages.info(PageMessages.text(
                    "subscription.rotated",
                    String.valueOf(rotated.subscription().previousSecretValidUntil())));
            return issued(credential, rotated);
        } catch (AgentryException e) {
            report(e);
            return null;
        }
    }

    /**
     * The redirect to the subscription's page with a secret just issued. The flash keeps it on the server for
     * that one next request: never in an address, and a reload no longer shows it.
     */
    private static String issued(String owner, SubscriptionSecret issued) {
        FacesContext.getCurrentInstance().getExternalContext().getFlash().put(SECRET, issued.secret());
        return PageMessages.redirect(at(owner, issued.subscription().id()));
    }

    private static String at(String owner, String subscription) {
        return "subscription?credential=" + URLEncoder.encode(owner, StandardCharsets.UTF_8) + "&id="
                + URLEncoder.encode(subscription, StandardCharsets.UTF_8);
    }

    /** The core's field errors, each on its input; an event type is named by its place in the list. */
    private void report(AgentryException e) {
        if (e.errors().isEmpty()) {
            PageMessages.error(null, e.detail());
            return;
        }
        for (FieldError field : e.errors()) {
            Matcher entry = EVENT_ENTRY.matcher(field.field());
            if (entry.matches()) {
                PageMessages.error(
                        "subscription:events",
                        PageMessages.text(
                                "subscription.badEvent", Integer.parseInt(entry.group(1)) + 1, field.message()));
            } else if (INPUTS.containsKey(field.field())) {
                PageMessages.error("subscription:" + INPUTS.get(field.field()), field.message());
            } else {
                PageMessages.error(null, field.field() + ": " + field.message());
            }
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    public boolean isCreating() {
        return subscription == null;
    }

    /** The owner's name as the page shows it (its id when the credential is not among the owners listed). */
    public String getOwnerName() {
        return owners.stream()
                .filter(c -> c.id().equals(credential))
                .map(c -> c.name() + " (" + c.owner() + ")")
                .findFirst()
                .orElse(credential);
    }

    public String getCredential() {
        return credential;
    }

    public void setCredential(String credential) {
        this.credential = credential;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public SubscriptionView getSubscription() {
        return subscription;
    }

    public SubscriptionForm getForm() {
        return form;
    }

    public List<CredentialView> getOwners() {
        return owners;
    }

    public String getSecret() {
        return secret;
    }
}
