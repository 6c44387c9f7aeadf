-- Governed writes (SPEC section 10): the policies that govern actions, approvals with their
-- decisions, and the record of every execution. Experimental: unused while agentry.writes.experimental
-- is off.

-- One policy per action pattern ('entry.*', 'order.updateStatus', '*'); the most specific one wins.
CREATE TABLE control_policy (
    id                BIGINT                   NOT NULL PRIMARY KEY,
    pattern           VARCHAR(100)             NOT NULL,
    requires_approval BOOLEAN                  NOT NULL,
    risk              VARCHAR(10)              NOT NULL,
    approvers         INTEGER                  NOT NULL,
    approval_ttl_s    BIGINT                   NOT NULL,
    max_per_hour      INTEGER,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    version           BIGINT                   NOT NULL,
    CONSTRAINT uk_control_policy_pattern UNIQUE (pattern)
);
CREATE SEQUENCE control_seq START WITH 1 INCREMENT BY 50;

-- A request to run one action with one input (bound by its hash). Its state is computed from these
-- columns when read: a pending approval past expires_at is expired even if no sweep has marked it yet.
CREATE TABLE control_approval (
    id                 VARCHAR(40)              NOT NULL PRIMARY KEY,
    action             VARCHAR(100)             NOT NULL,
    collection_name    VARCHAR(40)              NOT NULL,
    input_json         VARCHAR(100000)          NOT NULL,
    input_hash         VARCHAR(64)              NOT NULL,
    reason             VARCHAR(1000),
    requested_by       VARCHAR(100)             NOT NULL,
    credential_id      VARCHAR(36),
    run_id             VARCHAR(40),
    agent_slug         VARCHAR(64),
    policy_pattern     VARCHAR(100),
    risk               VARCHAR(10)              NOT NULL,
    approvers_required INTEGER                  NOT NULL,
    status             VARCHAR(12)              NOT NULL,
    requested_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    decided_at         TIMESTAMP WITH TIME ZONE,
    consumed_at        TIMESTAMP WITH TIME ZONE,
    execution_id       VARCHAR(40),
    version            BIGINT                   NOT NULL
);
CREATE INDEX ix_control_approval_status ON control_approval (status, expires_at);
CREATE INDEX ix_control_approval_requested ON control_approval (requested_at, id);

-- Each approver decides once: the unique key is what makes dual control need two distinct people.
CREATE TABLE control_decision (
    id          BIGINT                   NOT NULL PRIMARY KEY,
    approval_id VARCHAR(40)              NOT NULL REFERENCES control_approval (id),
    decider     VARCHAR(100)             NOT NULL,
    decision    VARCHAR(10)              NOT NULL,
    comment_text VARCHAR(1000),
    decided_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uk_control_decision UNIQUE (approval_id, decider)
);

-- Every execution, keyed by its credential's Idempotency-Key: the unique key makes concurrent
-- requests with one key execute once, and a replay answers with the stored result.
CREATE TABLE control_execution (
    id               VARCHAR(40)              NOT NULL PRIMARY KEY,
    credential_id    VARCHAR(100)             NOT NULL,
    idempotency_key  VARCHAR(200)             NOT NULL,
    request_hash     VARCHAR(64)              NOT NULL,
    action           VARCHAR(100)             NOT NULL,
    collection_name  VARCHAR(40)              NOT NULL,
    target_uid       VARCHAR(36),
    approval_id      VARCHAR(40),
    run_id           VARCHAR(40),
    result_json      VARCHAR(1000000)         NOT NULL,
    executed_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uk_control_execution_key UNIQUE (credential_id, idempotency_key)
);
CREATE INDEX ix_control_execution_at ON control_execution (executed_at, id);
CREATE INDEX ix_control_execution_rate ON control_execution (credential_id, action, executed_at);

-- The collection whose data an event carries when its type does not say (approval events): routing
-- offers it only to subscribers who read that collection.
ALTER TABLE webhook_event ADD COLUMN collection_name VARCHAR(40);
