-- Webhooks (SPEC section 8): subscriptions, the transactional outbox of events, one delivery per
-- event and subscription with its attempts, and the dead-letter queue.
CREATE SEQUENCE webhook_seq START WITH 1 INCREMENT BY 50;

-- The secret is kept in the clear because every delivery is signed with it (as signing keys are).
CREATE TABLE webhook_subscription (
    id                    BIGINT                   NOT NULL PRIMARY KEY,
    uid                   VARCHAR(36)              NOT NULL,
    credential_id         VARCHAR(36)              NOT NULL,
    url                   VARCHAR(2000)            NOT NULL,
    event_types           VARCHAR(4000)            NOT NULL,
    description           VARCHAR(500),
    secret                VARCHAR(100)             NOT NULL,
    previous_secret       VARCHAR(100),
    previous_secret_until TIMESTAMP WITH TIME ZONE,
    status                VARCHAR(20)              NOT NULL,
    disabled_reason       VARCHAR(200),
    failing_since         TIMESTAMP WITH TIME ZONE,
    created_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    version               BIGINT                   NOT NULL,
    CONSTRAINT uk_webhook_subscription_uid UNIQUE (uid)
);
CREATE INDEX ix_webhook_subscription_credential ON webhook_subscription (credential_id);

-- The outbox: written in the transaction of the change that causes the event; routed to
-- subscriptions afterwards. target_subscription limits an event to one subscription (webhook.test).
CREATE TABLE webhook_event (
    id                  BIGINT                   NOT NULL PRIMARY KEY,
    event_id            VARCHAR(40)              NOT NULL,
    type                VARCHAR(100)             NOT NULL,
    occurred_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    payload             VARCHAR(1000000)         NOT NULL,
    routed              BOOLEAN                  NOT NULL,
    target_subscription BIGINT,
    CONSTRAINT uk_webhook_event_event_id UNIQUE (event_id)
);
CREATE INDEX ix_webhook_event_unrouted ON webhook_event (routed, id);

CREATE TABLE webhook_delivery (
    id              BIGINT                   NOT NULL PRIMARY KEY,
    event_ref       BIGINT                   NOT NULL REFERENCES webhook_event (id) ON DELETE CASCADE,
    subscription_id BIGINT                   NOT NULL REFERENCES webhook_subscription (id) ON DELETE CASCADE,
    status          VARCHAR(20)              NOT NULL,
    attempts        INTEGER                  NOT NULL,
    next_attempt_at TIMESTAMP WITH TIME ZONE,
    lease_until     TIMESTAMP WITH TIME ZONE,
    lease_token     VARCHAR(36),
    last_status     INTEGER,
    last_error      VARCHAR(500),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    version         BIGINT                   NOT NULL,
    CONSTRAINT uk_webhook_delivery UNIQUE (event_ref, subscription_id)
);
CREATE INDEX ix_webhook_delivery_due ON webhook_delivery (status, next_attempt_at, id);
CREATE INDEX ix_webhook_delivery_subscription ON webhook_delivery (subscription_id, id);

CREATE TABLE webhook_attempt (
    id               BIGINT                   NOT NULL PRIMARY KEY,
    delivery_id      BIGINT                   NOT NULL REFERENCES webhook_delivery (id) ON DELETE CASCADE,
    attempt_number   INTEGER                  NOT NULL,
    attempted_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    status_code      INTEGER,
    latency_ms       BIGINT                   NOT NULL,
    outcome          VARCHAR(200)             NOT NULL,
    response_excerpt VARCHAR(1000)
);
CREATE INDEX ix_webhook_attempt_delivery ON webhook_attempt (delivery_id, attempt_number);

-- One row per event and subscription whose delivery was exhausted; replay keeps it, marked.
CREATE TABLE webhook_dead_letter (
    id               BIGINT                   NOT NULL PRIMARY KEY,
    delivery_id      BIGINT                   NOT NULL REFERENCES webhook_delivery (id) ON DELETE CASCADE,
    subscription_id  BIGINT                   NOT NULL,
    event_type       VARCHAR(100)             NOT NULL,
    reason           VARCHAR(500)             NOT NULL,
    failed_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    replay_count     INTEGER                  NOT NULL,
    last_replayed_at TIMESTAMP WITH TIME ZONE,
    CONSTRAINT uk_webhook_dead_letter_delivery UNIQUE (delivery_id)
);
CREATE INDEX ix_webhook_dead_letter_failed ON webhook_dead_letter (failed_at);

-- When a credential's credential.expiring event went out; cleared when its expiry changes.
ALTER TABLE credential ADD COLUMN expiry_reminded_at TIMESTAMP WITH TIME ZONE;
