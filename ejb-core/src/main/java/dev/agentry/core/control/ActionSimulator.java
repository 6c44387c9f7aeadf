package dev.agentry.core.control;

import dev.agentry.core.Boundary;
import dev.agentry.core.json.Jsonp;
import dev.agentry.core.policy.Grant;
import dev.agentry.core.validation.ValidatedInput;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.validation.Valid;
import jakarta.validation.Validator;

/**
 * Simulates an action: validates its input, names the governing policy and what it demands, and shows
 * the effect by making the very write the execution would make — in a transaction that always rolls
 * back, so the preview cannot differ from the effect and nothing is written.
 */
@Boundary
@Stateless
@ValidatedInput
public class ActionSimulator {

    @Resource
    SessionContext context;

    @Inject
    ActionCatalog actions;

    @Inject
    Policies policies;

    @Inject
    Validator validator;

    @Inject
    Approvals approvals;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Simulation simulate(Grant grant, @Valid ActionRequest request) {
        return simulated(grant, request.action(), request.input());
    }

    /**
     * What an approval's action would do with its bound input if it ran now, for whoever may read the
     * approval ({@link Approvals#find}): the record before and after, which its deciders look at beside
     * the input. Refused as a simulation is — a record that has moved since is a {@code conflict}, one
     * gone is {@code not_found} — and writes nothing.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Preview ofApproval(Grant grant, String approvalId) {
        ApprovalView approval = approvals.find(grant, approvalId);
        return simulated(
                        grant,
                        approval.action(),
                        Jsonp.createObjectBuilder(approval.input()).build())
                .effect();
    }

    private Simulation simulated(Grant grant, String name, JsonObject json) {
        GovernedAction<?> action = actions.require(name);
        ActionScope.require(grant, action);
        BoundInput input = BoundInput.of(action, json, validator);
        input.requireReachable(grant);
        Governance governance = policies.governing(action.name());
        Preview effect = action.subject().seenBy(grant, Preview.of(input.preview(grant)));
        // Marked last: a transaction marked for rollback can no longer reach the database to read.
        context.setRollbackOnly();
        return new Simulation(
                action.name(), action.subject().name(), action.subject().readScope(), governance, effect);
    }
}
