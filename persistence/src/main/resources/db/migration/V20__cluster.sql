-- Cluster coordination (issue 19): the nodes sharing this database, and which node holds each duty.
-- A node is alive while it has been seen within agentry.cluster.member-timeout; each node writes its row
-- every couple of seconds.
CREATE TABLE cluster_member (
    node       VARCHAR(100)             NOT NULL PRIMARY KEY,
    started_at TIMESTAMP WITH TIME ZONE NOT NULL,
    seen_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

-- One row per duty. A leased duty (job schedules, incidents, approval expiry, webhook routing, the run queue)
-- is held by one node until expires_at, renewed by its holder on each tick; any node takes a free or expired
-- one with a conditional update. A locked duty (change sequencing, audit chaining, exclusive job starts) has
-- no holder: its row is locked (SELECT ... FOR UPDATE) for the length of each batch, on whichever node runs it.
CREATE TABLE cluster_lease (
    duty        VARCHAR(40)              NOT NULL PRIMARY KEY,
    holder      VARCHAR(100),
    acquired_at TIMESTAMP WITH TIME ZONE,
    expires_at  TIMESTAMP WITH TIME ZONE
);

INSERT INTO cluster_lease (duty) VALUES ('JOB_SCHEDULES');
INSERT INTO cluster_lease (duty) VALUES ('INCIDENTS');
INSERT INTO cluster_lease (duty) VALUES ('APPROVAL_EXPIRY');
INSERT INTO cluster_lease (duty) VALUES ('WEBHOOK_ROUTING');
INSERT INTO cluster_lease (duty) VALUES ('RUN_QUEUE');
INSERT INTO cluster_lease (duty) VALUES ('CHANGE_SEQUENCE');
INSERT INTO cluster_lease (duty) VALUES ('AUDIT_CHAIN');
INSERT INTO cluster_lease (duty) VALUES ('JOB_LAUNCH');
