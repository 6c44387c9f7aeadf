package dev.agentry.admin.control;

import dev.agentry.admin.messages.PageMessages;
import dev.agentry.core.control.Policies;
import dev.agentry.core.control.PolicyRequest;
import dev.agentry.core.control.PolicyView;
import dev.agentry.core.problem.AgentryException;
import dev.agentry.core.problem.FieldError;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Governed-write policies: every policy, and one form that creates a policy or, with {@code ?id=},
 * changes one (its pattern stays). Every change is audited by the policies boundary, with the
 * administrator as actor.
 */
@Named
@ViewScoped
public class PoliciesPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient Policies policies;

    private Long id;
    private List<PolicyView> list = List.of();
    private String pattern;
    private boolean requiresApproval = true;
    private String risk = "medium";
    private int approvers = 1;
    private String approvalTtl = "PT24H";
    private Integer maxPerHour;

    public void load() {
        try {
            list = policies.list().data();
            if (id != null) {
                PolicyView policy = policies.find(id);
                pattern = policy.pattern();
                requiresApproval = policy.requiresApproval();
                risk = policy.risk();
                approvers = policy.approvers();
                approvalTtl = policy.approvalTtl();
                maxPerHour = policy.maxPerHour();
            }
        } catch (AgentryException e) {
            PageMessages.error(null, e.detail());
        }
    }

    public String save() {
        PolicyRequest request = new PolicyRequest(
                id == null ? pattern : null, requiresApproval, risk, approvers, approvalTtl, maxPerHour);
        try {
            PolicyView saved = id == null ? policies.create(request) : policies.change(id, request);
            PageMessages.info(PageMessages.text("policies.saved", saved.pattern()));
            return PageMessages.redirect("policies");
        } catch (AgentryException e) {
            PageMessages.error(null, explained(e));
            return null;
        }
    }

    public String delete(long policy) {
        try {
            policies.delete(policy);
            PageMessages.info(PageMessages.text("policies.deleted"));
            return PageMessages.redirect("policies");
        } catch (AgentryException e) {
            PageMessages.error(null, explained(e));
            return null;
        }
    }

    private static String explained(AgentryException e) {
        List<FieldError> errors = e.errors();
        return errors == null || errors.isEmpty()
                ? e.detail()
                : errors.stream().map(f -> f.field() + " " + f.message()).collect(Collectors.joining("; "));
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public List<PolicyView> getList() {
        return list;
    }

    public String getPattern() {
        return pattern;
    }

    public void setPattern(String pattern) {
        this.pattern = pattern;
    }

    public boolean isRequiresApproval() {
        return requiresApproval;
    }

    public void setRequiresApproval(boolean requiresApproval) {
        this.requiresApproval = requiresApproval;
    }

    public String getRisk() {
        return risk;
    }

    public void setRisk(String risk) {
        this.risk = risk;
    }

    public int getApprovers() {
        return approvers;
    }

    public void setApprovers(int approvers) {
        this.approvers = approvers;
    }

    public String getApprovalTtl() {
        return approvalTtl;
    }

    public void setApprovalTtl(String approvalTtl) {
        this.approvalTtl = approvalTtl;
    }

    public Integer getMaxPerHour() {
        return maxPerHour;
    }

    public void setMaxPerHour(Integer maxPerHour) {
        this.maxPerHour = maxPerHour;
    }
}
