package dev.agentry.admin.audit;

import dev.agentry.admin.messages.PageMessages;
import dev.agentry.core.audit.AuditQuery;
import dev.agentry.core.audit.AuditService;
import dev.agentry.core.audit.AuditView;
import dev.agentry.core.audit.ChainVerifier;
import dev.agentry.core.problem.AgentryException;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/** The audit trail, oldest first as it is chained, with filters and the chain's verification. */
@Named("auditPage")
@ViewScoped
public class AuditPage implements Serializable {

    private static final long serialVersionUID = 1L;
    static final int PAGE_SIZE = 50;

    @Inject
    transient AuditService audit;

    private String action;
    private String outcome = "";
    private String credentialId;
    private Long after;
    private List<AuditView> records;
    private boolean more;
    private ChainVerifier.Verdict verdict;

    @PostConstruct
    void load() {
        search();
    }

    public void search() {
        after = null;
        read();
    }

    public void older() {
        if (!records.isEmpty()) {
            after = records.get(records.size() - 1).sequence();
        }
        read();
    }

    private void read() {
        try {
            var page = audit.page(
                    new AuditQuery(null, null, blank(credentialId), blank(action), blank(outcome), after, PAGE_SIZE));
            records = page.data();
            more = page.hasMore();
        } catch (AgentryException e) {
            records = List.of();
            PageMessages.error(null, e.detail());
        }
    }

    public void verify() {
        verdict = audit.verify();
        if (verdict.valid()) {
            PageMessages.info(PageMessages.text("audit.valid", verdict.checked()));
        } else {
            PageMessages.error(null, PageMessages.text("audit.broken", verdict.firstBrokenSequence()));
        }
    }

    private static String blank(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    public List<AuditView> getRecords() {
        return records;
    }

    public boolean isMore() {
        return more;
    }

    public ChainVerifier.Verdict getVerdict() {
        return verdict;
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

    public String getCredentialId() {
        return credentialId;
    }

    public void setCredentialId(String credentialId) {
        this.credentialId = credentialId;
    }
}
