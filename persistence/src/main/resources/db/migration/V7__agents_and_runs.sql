-- Agent registry and task runs (SPEC section 9). Agents registered through the API live here; the
-- ones from startup code and declarative files are rebuilt at every start and never stored.
CREATE TABLE agent_definition (
    slug        VARCHAR(64)              NOT NULL PRIMARY KEY,
    definition  VARCHAR(100000)          NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    version     BIGINT                   NOT NULL
);

-- One row per run; the evidence itself is the artifact bundle on disk. The idempotency key is the
-- submitting credential's, so two credentials never see each other's replays.
CREATE TABLE agent_run (
    id               VARCHAR(40)              NOT NULL PRIMARY KEY,
    credential_id    VARCHAR(36)              NOT NULL,
    agent_slug       VARCHAR(64)              NOT NULL,
    idempotency_key  VARCHAR(200)             NOT NULL,
    request_hash     VARCHAR(64)              NOT NULL,
    task_input       VARCHAR(1000000)         NOT NULL,
    effective_scopes VARCHAR(4000)            NOT NULL,
    effective_tools  VARCHAR(4000)            NOT NULL,
    status           VARCHAR(30)              NOT NULL,
    outcome          VARCHAR(30),
    stop_reason      VARCHAR(60),
    failure_evidence VARCHAR(20000),
    cancel_requested BOOLEAN                  NOT NULL,
    job_execution_id BIGINT,
    bundle_id        VARCHAR(80),
    timings          VARCHAR(2000),
    cleanup          VARCHAR(4000),
    retention_days   INTEGER                  NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    started_at       TIMESTAMP WITH TIME ZONE,
    heartbeat_at     TIMESTAMP WITH TIME ZONE,
    deadline_at      TIMESTAMP WITH TIME ZONE,
    finished_at      TIMESTAMP WITH TIME ZONE,
    version          BIGINT                   NOT NULL,
    CONSTRAINT uk_agent_run_idempotency UNIQUE (credential_id, idempotency_key)
);
CREATE INDEX ix_agent_run_status ON agent_run (status, created_at);
CREATE INDEX ix_agent_run_created ON agent_run (created_at, id);
