package dev.agentry.admin.control;

import dev.agentry.admin.messages.PageMessages;
import dev.agentry.core.control.ApprovalStatus;
import dev.agentry.core.control.ApprovalView;
import dev.agentry.core.control.Approvals;
import dev.agentry.core.control.DecisionRequest;
import dev.agentry.core.cursor.PageLimit;
import dev.agentry.core.policy.Grant;
import dev.agentry.core.problem.AgentryException;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonWriterFactory;
import jakarta.json.stream.JsonGenerator;
import java.io.Serializable;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The approvals queue: pending requests first (risk, approvals given of those needed, time left), then
 * the latest decided; one approval with its exact input, decided here by the signed-in administrator —
 * so two administrators are two approvers, and one administrator twice is one.
 */
@Named
@ViewScoped
public class ApprovalsPage implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final int RECENT = 50;
    private static final JsonWriterFactory PRETTY =
            Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true));

    @Inject
    transient Approvals approvals;

    @Inject
    transient Clock clock;

    private String id;
    private String comment;
    private List<ApprovalView> pending = List.of();
    private List<ApprovalView> recent = List.of();
    private ApprovalView selected;

    public void load() {
        try {
            pending = approvals
                    .list(Grant.console(), ApprovalStatus.PENDING, null, new PageLimit(PageLimit.MAX), null)
                    .data();
            recent = approvals.list(Grant.console(), null, null, new PageLimit(RECENT), null).data().stream()
                    .filter(a -> !"pending".equals(a.status()))
                    .toList();
            selected = id == null || id.isBlank() ? null : approvals.find(Grant.console(), id);
        } catch (AgentryException e) {
            PageMessages.error(null, e.detail());
        }
    }

    public void approve() {
        decide("approve");
    }

    public void reject() {
        decide("reject");
    }

    private void decide(String decision) {
        try {
            ApprovalView decided = approvals.decideAsAdministrator(
                    administrator(),
                    id,
                    new DecisionRequest(decision, comment == null || comment.isBlank() ? null : comment));
            PageMessages.info(PageMessages.text(
                    "approvals.decided",
                    decided.id(),
                    decided.status(),
                    decided.approvals(),
                    decided.approversRequired()));
            comment = null;
        } catch (AgentryException e) {
            PageMessages.error(null, e.detail());
        }
        load();
    }

    private static String administrator() {
        return FacesContext.getCurrentInstance().getExternalContext().getRemoteUser();
    }

    /** Time left before a pending approval expires, e.g. 23h 59m; expired when none is left. */
    public String timeLeft(ApprovalView approval) {
        Duration left = Duration.between(clock.instant(), approval.expiresAt());
        if (left.isNegative() || left.isZero()) {
            return PageMessages.text("approvals.expired");
        }
        return left.toHours() > 0
                ? left.toHours() + "h " + left.toMinutesPart() + "m"
                : left.toMinutes() + "m " + left.toSecondsPart() + "s";
    }

    /** The exact input the approval is bound to, indented. */
    public String input(ApprovalView approval) {
        StringWriter out = new StringWriter();
        JsonObject json = Json.createObjectBuilder(approval.input()).build();
        PRETTY.createWriter(out).write(json);
        return out.toString().strip();
    }

    public boolean isDecidable() {
        return selected != null && "pending".equals(selected.status());
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getComment() {
        return comment;
    }

    public void setComment(String comment) {
        this.comment = comment;
    }

    public List<ApprovalView> getPending() {
        return pending;
    }

    public List<ApprovalView> getRecent() {
        return recent;
    }

    public ApprovalView getSelected() {
        return selected;
    }
}
