-- The catalog (SPEC section 5): the system of record agents and integrations read. Every row has a
-- public uid, an optimistic-locking version, timestamps and a soft-delete mark; keys come from one
-- sequence so rows can be inserted in JDBC batches.
CREATE SEQUENCE catalog_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE section (
    id         BIGINT                   NOT NULL PRIMARY KEY,
    uid        VARCHAR(36)              NOT NULL UNIQUE,
    version    BIGINT                   NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    deleted_at TIMESTAMP WITH TIME ZONE,
    name VARCHAR(200) NOT NULL,
    handle VARCHAR(100) NOT NULL UNIQUE,
    type VARCHAR(20) NOT NULL
);
CREATE INDEX ix_section_updated_at ON section (updated_at);

CREATE TABLE entry (
    id         BIGINT                   NOT NULL PRIMARY KEY,
    uid        VARCHAR(36)              NOT NULL UNIQUE,
    version    BIGINT                   NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    deleted_at TIMESTAMP WITH TIME ZONE,
    section_id BIGINT NOT NULL REFERENCES section (id),
    title VARCHAR(300) NOT NULL,
    slug VARCHAR(300) NOT NULL,
    status VARCHAR(20) NOT NULL,
    fields_json VARCHAR(1000000),
    author VARCHAR(200),
    post_date TIMESTAMP WITH TIME ZONE
);
CREATE INDEX ix_entry_updated_at ON entry (updated_at);

CREATE TABLE category (
    id         BIGINT                   NOT NULL PRIMARY KEY,
    uid        VARCHAR(36)              NOT NULL UNIQUE,
    version    BIGINT                   NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    deleted_at TIMESTAMP WITH TIME ZONE,
    name VARCHAR(200) NOT NULL,
    slug VARCHAR(200) NOT NULL,
    parent_id BIGINT REFERENCES category (id)
);
CREATE INDEX ix_category_updated_at ON category (updated_at);

CREATE TABLE tag (
    id         BIGINT                   NOT NULL PRIMARY KEY,
    uid        VARCHAR(36)              NOT NULL UNIQUE,
    version    BIGINT                   NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    deleted_at TIMESTAMP WITH TIME ZONE,
    name VARCHAR(200) NOT NULL,
    slug VARCHAR(200) NOT NULL
);
CREATE INDEX ix_tag_updated_at ON tag (updated_at);

CREATE TABLE asset (
    id         BIGINT                   NOT NULL PRIMARY KEY,
    uid        VARCHAR(36)              NOT NULL UNIQUE,
    version    BIGINT                   NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    deleted_at TIMESTAMP WITH TIME ZONE,
    filename VARCHAR(300) NOT NULL,
    kind VARCHAR(40) NOT NULL,
    size_bytes BIGINT NOT NULL,
    checksum VARCHAR(80),
    url VARCHAR(1000),
    alt_text VARCHAR(500)
);
CREATE INDEX ix_asset_updated_at ON asset (updated_at);

CREATE TABLE global_set (
    id         BIGINT                   NOT NULL PRIMARY KEY,
    uid        VARCHAR(36)              NOT NULL UNIQUE,
    version    BIGINT                   NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    deleted_at TIMESTAMP WITH TIME ZONE,
    name VARCHAR(200) NOT NULL,
    handle VARCHAR(100) NOT NULL UNIQUE,
    fields_json VARCHAR(1000000)
);
CREATE INDEX ix_global_set_updated_at ON global_set (updated_at);

CREATE TABLE content_block (
    id         BIGINT                   NOT NULL PRIMARY KEY,
    uid        VARCHAR(36)              NOT NULL UNIQUE,
    version    BIGINT                   NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    deleted_at TIMESTAMP WITH TIME ZONE,
    name VARCHAR(200) NOT NULL,
    handle VARCHAR(100) NOT NULL,
    body VARCHAR(100000)
);
CREATE INDEX ix_content_block_updated_at ON content_block (updated_at);

CREATE TABLE catalog_user (
    id         BIGINT                   NOT NULL PRIMARY KEY,
    uid        VARCHAR(36)              NOT NULL UNIQUE,
    version    BIGINT                   NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    deleted_at TIMESTAMP WITH TIME ZONE,
    name VARCHAR(200) NOT NULL,
    username VARCHAR(100) NOT NULL UNIQUE,
    email VARCHAR(320)
);
CREATE INDEX ix_catalog_user_updated_at ON catalog_user (updated_at);

CREATE TABLE address (
    id         BIGINT                   NOT NULL PRIMARY KEY,
    uid        VARCHAR(36)              NOT NULL UNIQUE,
    version    BIGINT                   NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    deleted_at TIMESTAMP WITH TIME ZONE,
    user_id BIGINT REFERENCES catalog_user (id),
    full_name VARCHAR(200),
    line1 VARCHAR(300),
    city VARCHAR(200),
    postal_code VARCHAR(40),
    country VARCHAR(2),
    phone VARCHAR(40)
);
CREATE INDEX ix_address_updated_at ON address (updated_at);

CREATE TABLE product (
    id         BIGINT                   NOT NULL PRIMARY KEY,
    uid        VARCHAR(36)              NOT NULL UNIQUE,
    version    BIGINT                   NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    deleted_at TIMESTAMP WITH TIME ZONE,
    title VARCHAR(300) NOT NULL,
    slug VARCHAR(300) NOT NULL,
    type VARCHAR(40) NOT NULL,
    status VARCHAR(20) NOT NULL
);
CREATE INDEX ix_product_updated_at ON product (updated_at);

CREATE TABLE variant (
    id         BIGINT                   NOT NULL PRIMARY KEY,
    uid        VARCHAR(36)              NOT NULL UNIQUE,
    version    BIGINT                   NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    deleted_at TIMESTAMP WITH TIME ZONE,
    product_id BIGINT NOT NULL REFERENCES product (id),
    sku VARCHAR(100) NOT NULL UNIQUE,
    price NUMERIC(19, 4) NOT NULL,
    stock INTEGER NOT NULL
);
CREATE INDEX ix_variant_updated_at ON variant (updated_at);

CREATE TABLE customer_order (
    id         BIGINT                   NOT NULL PRIMARY KEY,
    uid        VARCHAR(36)              NOT NULL UNIQUE,
    version    BIGINT                   NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    deleted_at TIMESTAMP WITH TIME ZONE,
    number VARCHAR(40) NOT NULL UNIQUE,
    status VARCHAR(20) NOT NULL,
    total NUMERIC(19, 4) NOT NULL,
    currency VARCHAR(3) NOT NULL,
    customer_email VARCHAR(320)
);
CREATE INDEX ix_customer_order_updated_at ON customer_order (updated_at);

CREATE TABLE subscription (
    id         BIGINT                   NOT NULL PRIMARY KEY,
    uid        VARCHAR(36)              NOT NULL UNIQUE,
    version    BIGINT                   NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    deleted_at TIMESTAMP WITH TIME ZONE,
    plan VARCHAR(100) NOT NULL,
    status VARCHAR(20) NOT NULL,
    customer_email VARCHAR(320),
    next_billing_at TIMESTAMP WITH TIME ZONE
);
CREATE INDEX ix_subscription_updated_at ON subscription (updated_at);

CREATE TABLE transfer (
    id         BIGINT                   NOT NULL PRIMARY KEY,
    uid        VARCHAR(36)              NOT NULL UNIQUE,
    version    BIGINT                   NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    deleted_at TIMESTAMP WITH TIME ZONE,
    from_location VARCHAR(100) NOT NULL,
    to_location VARCHAR(100) NOT NULL,
    sku VARCHAR(100) NOT NULL,
    quantity INTEGER NOT NULL,
    status VARCHAR(20) NOT NULL
);
CREATE INDEX ix_transfer_updated_at ON transfer (updated_at);

CREATE TABLE donation (
    id         BIGINT                   NOT NULL PRIMARY KEY,
    uid        VARCHAR(36)              NOT NULL UNIQUE,
    version    BIGINT                   NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    deleted_at TIMESTAMP WITH TIME ZONE,
    amount NUMERIC(19, 4) NOT NULL,
    currency VARCHAR(3) NOT NULL,
    campaign VARCHAR(200),
    donor_email VARCHAR(320)
);
CREATE INDEX ix_donation_updated_at ON donation (updated_at);

CREATE TABLE order_line (
    order_id   BIGINT         NOT NULL REFERENCES customer_order (id),
    line_no    INTEGER        NOT NULL,
    sku        VARCHAR(100)   NOT NULL,
    quantity   INTEGER        NOT NULL,
    unit_price NUMERIC(19, 4) NOT NULL,
    PRIMARY KEY (order_id, line_no)
);
CREATE INDEX ix_entry_section ON entry (section_id);
CREATE INDEX ix_variant_product ON variant (product_id);

-- The changes feed. A change is written, without a position, in the transaction of the change it
-- describes; the sequencer then gives committed changes consecutive positions, so a reader walking
-- by position can never pass a change that commits late.
CREATE SEQUENCE change_record_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE change_record (
    id            BIGINT                   NOT NULL PRIMARY KEY,
    position      BIGINT,
    resource_type VARCHAR(40)              NOT NULL,
    resource_id   VARCHAR(36)              NOT NULL,
    action        VARCHAR(10)              NOT NULL,
    version       BIGINT                   NOT NULL,
    changed_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    snapshot      VARCHAR(1000000),
    CONSTRAINT uk_change_record_position UNIQUE (position)
);
CREATE INDEX ix_change_record_type_position ON change_record (resource_type, position);

-- How far retention has removed the feed: a cursor before this position has expired.
CREATE TABLE change_feed_state (
    id             INTEGER NOT NULL PRIMARY KEY,
    purged_through BIGINT  NOT NULL
);
INSERT INTO change_feed_state (id, purged_through) VALUES (1, 0);

-- Consumers' checkpoints (SPEC section 6), one per credential, consumer name and resource type.
CREATE SEQUENCE sync_checkpoint_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE sync_checkpoint (
    id            BIGINT                   NOT NULL PRIMARY KEY,
    credential_id VARCHAR(36)              NOT NULL,
    consumer      VARCHAR(100)             NOT NULL,
    resource_type VARCHAR(40)              NOT NULL,
    cursor_value  VARCHAR(500)             NOT NULL,
    position      BIGINT                   NOT NULL,
    checkpoint_at TIMESTAMP WITH TIME ZONE NOT NULL,
    metadata      VARCHAR(4000),
    CONSTRAINT uk_sync_checkpoint UNIQUE (credential_id, consumer, resource_type)
);
