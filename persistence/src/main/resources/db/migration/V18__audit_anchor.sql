-- The audit trail's horizon (issue 17): where an operator sets agentry.retention.audit-trail, retention removes the
-- oldest chained records and keeps here the position and hash of the last one it removed, with the chain
-- key's HMAC over both, so the chain is still verified from this anchor on. One row at most.
CREATE TABLE audit_anchor (
    id          INT                      NOT NULL PRIMARY KEY,
    chain_seq   BIGINT                   NOT NULL,
    hash        VARCHAR(64)              NOT NULL,
    anchored_at TIMESTAMP WITH TIME ZONE NOT NULL,
    signature   VARCHAR(64)              NOT NULL
);
