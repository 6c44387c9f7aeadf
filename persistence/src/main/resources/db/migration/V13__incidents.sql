-- Incidents (SPEC section 6): opened, raised, lowered and resolved from signals crossing their
-- thresholds. The id is derived from the signal and its subject, so the same trouble keeps one row
-- however often it comes back. Only names, numbers and times are kept: never a secret or payload.
CREATE SEQUENCE incident_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE incident (
    id            VARCHAR(40)              NOT NULL PRIMARY KEY,
    signal        VARCHAR(40)              NOT NULL,
    subject       VARCHAR(100)             NOT NULL,
    credential_id VARCHAR(36),
    status        VARCHAR(10)              NOT NULL,
    severity      VARCHAR(10)              NOT NULL,
    peak_severity VARCHAR(10)              NOT NULL,
    metric_value  BIGINT                   NOT NULL,
    warn_at       BIGINT                   NOT NULL,
    critical_at   BIGINT                   NOT NULL,
    opened_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    resolved_at   TIMESTAMP WITH TIME ZONE,
    version       BIGINT                   NOT NULL
);
CREATE INDEX ix_incident_status ON incident (status, updated_at);

-- Each transition of an incident: what its history shows.
CREATE TABLE incident_change (
    id           BIGINT                   NOT NULL PRIMARY KEY,
    incident_id  VARCHAR(40)              NOT NULL REFERENCES incident (id) ON DELETE CASCADE,
    changed_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    status       VARCHAR(10)              NOT NULL,
    severity     VARCHAR(10)              NOT NULL,
    metric_value BIGINT                   NOT NULL
);
CREATE INDEX ix_incident_change_incident ON incident_change (incident_id, id);
