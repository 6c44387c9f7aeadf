package dev.agentry.admin.audit;

import dev.agentry.admin.messages.PageMessages;
import dev.agentry.core.audit.AuditSearchPage;
import dev.agentry.core.audit.AuditService;
import dev.agentry.core.audit.AuditView;
import dev.agentry.core.audit.ChainVerifier;
import dev.agentry.core.policy.CredentialService;
import dev.agentry.core.policy.CredentialView;
import dev.agentry.core.policy.Grant;
import dev.agentry.core.problem.AgentryException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The audit trail as people read an audit log: newest first, filtered by a date range (whole UTC days),
 * actor, action, outcome and code, paged older and newer by sequence. Every filter and the position are
 * in the address (a GET form), so a search can be reloaded, shared and bookmarked. Targets that name a
 * credential, a run, a subscription, an agent, an approval or a policy are shown by name and link to it.
 */
@Named("auditPage")
@ViewScoped
public class AuditPage implements Serializable {

    private static final long serialVersionUID = 1L;
    static final int PAGE_SIZE = 50;

    @Inject
    transient AuditService audit;

    @Inject
    transient CredentialService credentials;

    private String from;
    private String until;
    private String actor;
    private String action;
    private String outcome = "";
    private String code;
    private Long before;
    private Long after;
    private AuditSearchPage page = new AuditSearchPage(List.of(), false, false);
    private Map<String, String> credentialNames = Map.of();
    private Map<String, AuditTargets.Target> targets = Map.of();

    @Inject
    transient AuditTargets targetNames;

    /** The view action: the search the address names. */
    public void load() {
        credentialNames = credentials.list(Grant.console()).stream()
                .collect(Collectors.toMap(CredentialView::id, CredentialView::name, (a, b) -> a));
        try {
            page = audit.search(getFilters().search(before, after, PAGE_SIZE));
            targets = targetNames.resolve(page.records());
        } catch (AgentryException e) {
            PageMessages.error(null, e.detail());
        } catch (AuditFilters.BadDate e) {
            PageMessages.error(null, PageMessages.text("audit.badDate", e.field()));
        }
    }

    /** The filters in the address; the CSV export link carries the same ones. */
    public AuditFilters getFilters() {
        return new AuditFilters(from, until, actor, action, outcome, code);
    }

    /**
     * Verifies the chain and shows the same search again by a redirect (Post/Redirect/Get), like every
     * console action: a reload shows the page, it does not verify again.
     */
    public String verify() {
        ChainVerifier.Verdict verdict = audit.verify();
        if (verdict.valid()) {
            PageMessages.info(PageMessages.text("audit.valid", verdict.checked()));
        } else {
            PageMessages.error(null, PageMessages.text("audit.broken", verdict.firstBrokenSequence()));
        }
        List<String> parameters = new ArrayList<>();
        String filters = getFilters().query();
        if (!filters.isEmpty()) {
            parameters.add(filters);
        }
        if (before != null) {
            parameters.add("before=" + before);
        }
        if (after != null) {
            parameters.add("after=" + after);
        }
        return PageMessages.redirect("audit" + (parameters.isEmpty() ? "" : "?" + String.join("&", parameters)));
    }

    /** The page a record's target is about, if it names one the console shows; else null. */
    public String link(AuditView record) {
        String target = record.target();
        if (target == null || target.contains(" ") || record.action() == null) {
            return null;
        }
        if (record.action().startsWith("credential.") && credentialNames.containsKey(target)) {
            return "credential.xhtml?id=" + target;
        }
        if (record.action().startsWith("run.")) {
            return "run.xhtml?id=" + target;
        }
        AuditTargets.Target named = named(record);
        return named == null ? null : named.page();
    }

    /**
     * A target as people know it: a credential, subscription, agent, approval or policy by its name; anything
     * else (or one that no longer exists) as it is.
     */
    public String targetName(AuditView record) {
        AuditTargets.Target named = named(record);
        if (named != null) {
            return named.name();
        }
        String name = record.target() == null ? null : credentialNames.get(record.target());
        return name == null ? record.target() : name;
    }

    private AuditTargets.Target named(AuditView record) {
        String key = AuditTargets.key(record);
        return key == null ? null : targets.get(key);
    }

    public List<AuditView> getRecords() {
        return page.records();
    }

    public AuditSearchPage getPage() {
        return page;
    }

    public String getFrom() {
        return from;
    }

    public void setFrom(String from) {
        this.from = from;
    }

    public String getUntil() {
        return until;
    }

    public void setUntil(String until) {
        this.until = until;
    }

    public String getActor() {
        return actor;
    }

    public void setActor(String actor) {
        this.actor = actor;
    }

    public String getAction() {
        return action;
    }

    public void setAction(String action) {
        this.action = action;
    }

    public String getOutcome() {
        return outcome;
    }

    public void setOutcome(String outcome) {
        this.outcome = outcome;
    }

    /** The outcome chooser's value; set only through the address (see {@code WebhooksPage}). */
    public String getChosenOutcome() {
        return outcome;
    }

    public void setChosenOutcome(String ignored) {
        // Chosen through the address only.
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public Long getBefore() {
        return before;
    }

    public void setBefore(Long before) {
        this.before = before;
    }

    public Long getAfter() {
        return after;
    }

    public void setAfter(Long after) {
        this.after = after;
    }
}
