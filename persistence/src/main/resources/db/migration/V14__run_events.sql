-- The events of a run (lifecycle moves, turns, messages, tool calls, the sealed bundle), numbered from 1
-- per run: GET /runs/{id}/events replays them after a Last-Event-ID, then streams new ones live. An
-- event is written in the transaction of what it reports (a status move commits with its event), and
-- every writer of a run's events holds the run's row lock, so numbers commit in order and without gaps.
CREATE TABLE run_event (
    run_id      VARCHAR(40)              NOT NULL,
    seq         BIGINT                   NOT NULL,
    occurred_at TIMESTAMP WITH TIME ZONE NOT NULL,
    event_type  VARCHAR(40)              NOT NULL,
    payload     VARCHAR(1000000)         NOT NULL,
    CONSTRAINT pk_run_event PRIMARY KEY (run_id, seq),
    CONSTRAINT fk_run_event_run FOREIGN KEY (run_id) REFERENCES agent_run (id) ON DELETE CASCADE
);

-- Agent memory (SPEC section 9): JSON values by (layer, agent, owner, key). The owner is '' on the agent
-- layer, the credential's id on the credential layer, '<credential>/<session>' on the session layer.
-- Every write is conditional on the entry's hash (compare-and-swap), so of two writers of one version
-- exactly one wins.
CREATE TABLE agent_memory (
    layer      VARCHAR(20)              NOT NULL,
    agent_slug VARCHAR(64)              NOT NULL,
    owner      VARCHAR(300)             NOT NULL,
    mem_key    VARCHAR(200)             NOT NULL,
    mem_value  VARCHAR(1000000)         NOT NULL,
    hash       VARCHAR(71)              NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by VARCHAR(100)             NOT NULL,
    CONSTRAINT pk_agent_memory PRIMARY KEY (layer, agent_slug, owner, mem_key)
);
