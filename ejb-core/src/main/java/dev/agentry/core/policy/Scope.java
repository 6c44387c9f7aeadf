package dev.agentry.core.policy;

/**
 * The scopes of Agentry's own features (SPEC section 3); features add constants here. The catalog's
 * collection scopes are not listed: they follow from the collection descriptors, and {@link
 * ScopeCatalog} joins both into what a credential can hold.
 */
public enum Scope {
    CHANGES_READ("changes:read", "Read the changes feed"),
    SYNCSTATE_READ("syncstate:read", "Read sync checkpoints and lag"),
    SYNCSTATE_WRITE("syncstate:write", "Store sync checkpoints"),
    SCHEMA_READ("schema:read", "Read JSON schemas"),
    INCIDENTS_READ("incidents:read", "Read incidents"),
    LIFECYCLE_READ("lifecycle:read", "Read lifecycle and credential risks"),
    AUDIT_READ("audit:read", "Read and verify the audit trail"),
    CREDENTIALS_MANAGE("credentials:manage", "Create, change, rotate, pause and revoke credentials"),
    WEBHOOKS_MANAGE("webhooks:manage", "Manage webhook subscriptions"),
    WEBHOOKS_DLQ_READ("webhooks:dlq:read", "Read the webhook dead-letter queue"),
    WEBHOOKS_DLQ_REPLAY("webhooks:dlq:replay", "Replay dead-lettered webhook deliveries"),
    AGENTS_READ("agents:read", "Read agent definitions"),
    AGENTS_MANAGE("agents:manage", "Register and change agent definitions"),
    RUNS_WRITE("runs:write", "Start and cancel agent task runs"),
    RUNS_READ("runs:read", "Read agent task runs"),
    RUNS_ADMIN(
            "runs:admin",
            "Read, cancel and read the artifacts of every credential's runs (with runs:read, runs:write, artifacts:read)"),
    ARTIFACTS_READ("artifacts:read", "Read and verify run artifacts"),
    OPERATIONS_RUN("operations:run", "Start operator diagnostics and read their results"),
    OPERATIONS_READ("operations:read", "Read batch jobs, their schedules and executions"),
    CONTROL_ACTIONS_SIMULATE("control:actions:simulate", "Simulate governed actions", true),
    CONTROL_ACTIONS_EXECUTE("control:actions:execute", "Execute governed actions", true),
    CONTROL_APPROVALS_REQUEST("control:approvals:request", "Request approvals", true),
    CONTROL_APPROVALS_DECIDE("control:approvals:decide", "Decide approvals", true),
    CONTROL_POLICIES_READ("control:policies:read", "Read governed-write policies", true),
    CONTROL_POLICIES_WRITE("control:policies:write", "Change governed-write policies", true),
    CONTROL_AUDIT_READ("control:audit:read", "Read the governed-write audit", true);

    private final String scope;
    private final String description;
    private final boolean governedWrites;

    Scope(String scope, String description) {
        this(scope, description, false);
    }

    Scope(String scope, String description, boolean governedWrites) {
        this.scope = scope;
        this.description = description;
        this.governedWrites = governedWrites;
    }

    /** The wire form, e.g. {@code changes:read}; also the role name resources declare. */
    public String scope() {
        return scope;
    }

    public String description() {
        return description;
    }

    /** Hidden, and never granted, while governed writes (SPEC section 10) are off. */
    public boolean governedWrites() {
        return governedWrites;
    }
}
