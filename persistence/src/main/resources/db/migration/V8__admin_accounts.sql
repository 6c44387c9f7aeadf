-- Console administrators (SPEC section 12). The password is a PBKDF2 hash with its salt and cost;
-- failed attempts and the lock that follows them are kept with the account so every node enforces them.
CREATE TABLE admin_account (
    id              BIGINT                   NOT NULL PRIMARY KEY,
    username        VARCHAR(100)             NOT NULL,
    password_hash   VARCHAR(300)             NOT NULL,
    failed_attempts INTEGER                  NOT NULL,
    locked_until    TIMESTAMP WITH TIME ZONE,
    last_login_at   TIMESTAMP WITH TIME ZONE,
    last_login_from VARCHAR(64),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    version         BIGINT                   NOT NULL,
    CONSTRAINT uk_admin_account_username UNIQUE (username)
);
CREATE SEQUENCE admin_seq START WITH 1 INCREMENT BY 1;
