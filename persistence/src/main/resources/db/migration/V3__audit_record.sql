-- The audit trail (SPEC section 3). A record is inserted with the effect it describes; the chainer then
-- gives it the next chain position and its HMAC, linking it to the record before it.
-- Keys come from a sequence (not an identity column) so records can be inserted in JDBC batches.
CREATE SEQUENCE audit_record_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE audit_record (
    id            BIGINT                   NOT NULL PRIMARY KEY,
    chain_seq     BIGINT,
    occurred_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    actor_kind    VARCHAR(20)              NOT NULL,
    actor_id      VARCHAR(100),
    credential_id VARCHAR(36),
    address       VARCHAR(45),
    request_id    VARCHAR(128),
    action        VARCHAR(200)             NOT NULL,
    target        VARCHAR(200),
    scope         VARCHAR(100),
    approval_id   VARCHAR(36),
    outcome       VARCHAR(20)              NOT NULL,
    error_code    VARCHAR(40),
    duration_ms   BIGINT,
    prev_hash     VARCHAR(64),
    hash          VARCHAR(64),
    CONSTRAINT uk_audit_record_chain_seq UNIQUE (chain_seq)
);
CREATE INDEX ix_audit_record_occurred_at ON audit_record (occurred_at);
CREATE INDEX ix_audit_record_credential ON audit_record (credential_id);
