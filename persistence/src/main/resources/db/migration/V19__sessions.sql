-- Sessions (SPEC section 9, issue 18): a credential's conversation with one agent, carried across the
-- runs whose task names its sessionId. The session belongs to the credential that opened it (its id is
-- only unique per credential). holder_run_id is the single-writer lock on the transcript: set (with a
-- conditional update) by the run that may write, cleared in the transaction that ends that run.
CREATE TABLE agent_session (
    credential_id VARCHAR(36)              NOT NULL,
    session_id    VARCHAR(200)             NOT NULL,
    agent_slug    VARCHAR(64)              NOT NULL,
    holder_run_id VARCHAR(40),
    message_count INTEGER                  NOT NULL,
    byte_count    BIGINT                   NOT NULL,
    dropped_count BIGINT                   NOT NULL,
    next_seq      BIGINT                   NOT NULL,
    run_count     INTEGER                  NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_agent_session PRIMARY KEY (credential_id, session_id)
);
CREATE INDEX ix_agent_session_agent ON agent_session (agent_slug);

-- The transcript: messages (agentry/message/v1, redacted) numbered from 1 per session. The oldest are
-- dropped when the session holds more than its bounds; a run's messages outlive the run (retention).
CREATE TABLE session_message (
    credential_id VARCHAR(36)      NOT NULL,
    session_id    VARCHAR(200)     NOT NULL,
    seq           BIGINT           NOT NULL,
    run_id        VARCHAR(40)      NOT NULL,
    byte_count    INTEGER          NOT NULL,
    message       VARCHAR(1000000) NOT NULL,
    CONSTRAINT pk_session_message PRIMARY KEY (credential_id, session_id, seq),
    CONSTRAINT fk_session_message_session FOREIGN KEY (credential_id, session_id)
        REFERENCES agent_session (credential_id, session_id) ON DELETE CASCADE
);

-- Which session a run is on: the dispatcher starts a queued run only when its session is free.
ALTER TABLE agent_run ADD COLUMN session_id VARCHAR(200);
CREATE INDEX ix_agent_run_session ON agent_run (credential_id, session_id);
