package dev.agentry.admin.control;

import dev.agentry.admin.messages.PageMessages;
import dev.agentry.core.control.ActionSimulator;
import dev.agentry.core.control.ApprovalStatus;
import dev.agentry.core.control.ApprovalView;
import dev.agentry.core.control.Approvals;
import dev.agentry.core.control.DecisionRequest;
import dev.agentry.core.control.Preview;
import dev.agentry.core.cursor.PageLimit;
import dev.agentry.core.json.Jsonp;
import dev.agentry.core.policy.Grant;
import dev.agentry.core.problem.AgentryException;
import jakarta.faces.context.FacesContext;
import jakarta.faces.context.Flash;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonObject;
import jakarta.json.JsonWriterFactory;
import jakarta.json.stream.JsonGenerator;
import java.io.Serializable;
import java.io.StringWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The approvals queue: pending requests first (risk, approvals given of those needed, time left), then
 * the latest decided; one approval with its exact input and, while it is pending, beside it what the
 * action would do with that input now (the record before and after, simulated, nothing written), decided
 * here by the signed-in administrator — so two administrators are two approvers, and one administrator
 * twice is one.
 */
@Named
@ViewScoped
public class ApprovalsPage implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final int RECENT = 50;

    /** The flash key of the comment of a decision the core refused, offered again after the redirect. */
    private static final String REFUSED_COMMENT = "approvals.refusedComment";

    private static final JsonWriterFactory PRETTY =
            Jsonp.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true));

    @Inject
    transient Approvals approvals;

    @Inject
    transient ActionSimulator simulator;

    @Inject
    transient Clock clock;

    private String id;
    private String comment;
    private List<ApprovalView> pending = List.of();
    private List<ApprovalView> recent = List.of();
    private ApprovalView selected;
    private String previewBefore;
    private String previewAfter;
    private String previewPatch;
    private String previewProblem;

    public void load() {
        if (comment == null && flash().get(REFUSED_COMMENT) instanceof String refused) {
            comment = refused;
        }
        try {
            pending = approvals
                    .list(Grant.console(), ApprovalStatus.PENDING, null, new PageLimit(PageLimit.MAX), null)
                    .data();
            recent = approvals.list(Grant.console(), null, null, new PageLimit(RECENT), null).data().stream()
                    .filter(a -> !"pending".equals(a.status()))
                    .toList();
            selected = id == null || id.isBlank() ? null : approvals.find(Grant.console(), id);
            preview();
        } catch (AgentryException e) {
            PageMessages.error(null, e.detail());
        }
    }

    /**
     * The effect of a pending approval's action as it would be now: what the decider approves. A record
     * moved or gone since the request is said so here, where the decision is made.
     */
    private void preview() {
        previewBefore = null;
        previewAfter = null;
        previewPatch = null;
        previewProblem = null;
        if (!isDecidable()) {
            return;
        }
        try {
            Preview effect = simulator.ofApproval(Grant.console(), selected.id());
            previewBefore = pretty(effect.before());
            previewAfter = pretty(effect.after());
            previewPatch = pretty(effect.patch());
        } catch (AgentryException e) {
            previewProblem = e.detail();
        }
    }

    public String approve() {
        return decide("approve");
    }

    public String reject() {
        return decide("reject");
    }

    /**
     * Decides as the signed-in administrator and shows the approval again by a redirect (Post/Redirect/Get):
     * a reload shows the decision, it does not decide again. A refused decision keeps its comment (through
     * the flash) so it can be sent again as it was.
     */
    private String decide(String decision) {
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
        } catch (AgentryException e) {
            PageMessages.error(null, e.detail());
            if (comment != null && !comment.isBlank()) {
                flash().put(REFUSED_COMMENT, comment);
            }
        }
        comment = null;
        return PageMessages.redirect("approvals?id=" + URLEncoder.encode(id, StandardCharsets.UTF_8));
    }

    private static Flash flash() {
        return FacesContext.getCurrentInstance().getExternalContext().getFlash();
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
        return pretty(approval.input());
    }

    /** A JSON object indented, or null for none (a create has no before, a delete no after). */
    private static String pretty(Map<String, Object> object) {
        if (object == null) {
            return null;
        }
        StringWriter out = new StringWriter();
        JsonObject json = Jsonp.createObjectBuilder(object).build();
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

    public String getPreviewBefore() {
        return previewBefore;
    }

    public String getPreviewAfter() {
        return previewAfter;
    }

    public String getPreviewPatch() {
        return previewPatch;
    }

    public String getPreviewProblem() {
        return previewProblem;
    }
}
