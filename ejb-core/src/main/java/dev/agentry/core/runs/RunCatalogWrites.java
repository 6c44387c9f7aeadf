package dev.agentry.core.runs;

import dev.agentry.core.control.ActionExecutions;
import dev.agentry.core.control.ApprovalRequest;
import dev.agentry.core.control.Approvals;
import dev.agentry.core.control.ExecuteRequest;
import dev.agentry.core.json.Jsonp;
import dev.agentry.core.policy.GovernedWrites;
import dev.agentry.core.policy.Grant;
import dev.agentry.core.policy.Scope;
import dev.agentry.core.problem.AgentryException;
import dev.agentry.core.problem.ErrorCode;
import dev.agentry.core.tools.CatalogWrites;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.StringReader;

/**
 * {@code catalog.write} for a run: the governed-write boundary with the run's effective scopes (ceiling ∩
 * its credential's), executions recorded with the run and keyed by run and call (a call repeated after a
 * restart executes once), proposals requested on behalf of the run's credential and agent.
 */
@ApplicationScoped
public class RunCatalogWrites {

    private final Jsonb json = JsonbBuilder.create();

    @Inject
    ActionExecutions executions;

    @Inject
    Approvals approvals;

    @Inject
    GovernedWrites governedWrites;

    @PreDestroy
    void close() {
        try {
            json.close();
        } catch (Exception e) {
            // nothing left to release at shutdown
        }
    }

    public CatalogWrites forRun(Grant grant, String runId, String agent) {
        return new CatalogWrites() {
            @Override
            public JsonValue execute(String callId, String action, JsonObject input) {
                require(grant, Scope.CONTROL_ACTIONS_EXECUTE);
                return tree(executions
                        .executeForRun(grant, runId, runId + ":" + callId, new ExecuteRequest(action, input, null))
                        .execution());
            }

            @Override
            public JsonValue propose(String action, JsonObject input, String reason) {
                require(grant, Scope.CONTROL_APPROVALS_REQUEST);
                return tree(approvals.propose(grant, runId, agent, new ApprovalRequest(action, input, reason)));
            }
        };
    }

    private void require(Grant grant, Scope scope) {
        if (!governedWrites.enabled()) {
            throw new AgentryException(ErrorCode.WRITES_DISABLED, "Governed writes are off on this server.");
        }
        if (!grant.holds(scope)) {
            throw new AgentryException(
                    ErrorCode.SCOPE_DENIED, "The run's effective scopes do not include " + scope.scope() + ".");
        }
    }

    private JsonValue tree(Object view) {
        try (JsonReader reader = Jsonp.createReader(new StringReader(json.toJson(view)))) {
            return reader.readValue();
        }
    }
}
