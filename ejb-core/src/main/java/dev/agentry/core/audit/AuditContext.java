package dev.agentry.core.audit;

import dev.agentry.core.Boundary;
import jakarta.enterprise.context.RequestScoped;
import java.time.Instant;

/**
 * Who is acting in the current request and on which route, filled in by the API's filters so that a
 * boundary writing an action record can attribute it. Whether a record was written is tracked so a
 * request is recorded exactly once.
 */
@RequestScoped
@Boundary
public class AuditContext {

    /** The width of the record's action column. */
    private static final int MAX_ACTION = 200;

    private Instant startedAt;
    private String requestId;
    private String address;
    private String route;
    private String actorKind = "system";
    private String actorId;
    private String credentialId;
    private String scope;
    private boolean recorded;

    public void begin(Instant startedAt, String requestId, String address, String route) {
        this.startedAt = startedAt;
        this.requestId = requestId;
        this.address = address;
        this.route = route;
    }

    public void actingCredential(String credentialId, String clientId, String scope) {
        this.actorKind = "credential";
        this.actorId = clientId;
        this.credentialId = credentialId;
        this.scope = scope;
    }

    /**
     * The acting credential reached the API as an MCP client: the record names actor kind {@code mcp}, the
     * MCP operation after the route (capped to the action's width), and the scope the operation used.
     */
    public void throughMcp(String operation, String scopeUsed) {
        this.actorKind = "mcp";
        String action = (route == null ? "" : route + " ") + operation;
        this.route = action.length() > MAX_ACTION ? action.substring(0, MAX_ACTION) : action;
        if (scopeUsed != null) {
            this.scope = scopeUsed;
        }
    }

    /** The console's signed-in administrator; {@code null} before login, when the actor is unknown. */
    public void actingAdmin(String username) {
        this.actorKind = "admin";
        this.actorId = username;
    }

    /** A caller nobody has authenticated, e.g. a console request before sign-in that was refused. */
    public void actingAnonymous() {
        this.actorKind = "anonymous";
        this.actorId = null;
    }

    /** Public on purpose: a call through the request-scoped proxy must reach the request's instance. */
    public void markRecorded() {
        recorded = true;
    }

    public boolean recorded() {
        return recorded;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public String requestId() {
        return requestId;
    }

    public String address() {
        return address;
    }

    public String route() {
        return route;
    }

    public String actorKind() {
        return actorKind;
    }

    public String actorId() {
        return actorId;
    }

    public String credentialId() {
        return credentialId;
    }

    public String scope() {
        return scope;
    }
}
