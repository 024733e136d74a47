-- The tables of rekey, in n8n's shapes. Timestamps are UTC instants to the millisecond.
-- "value" is a keyword in H2, so it is quoted everywhere, in lower case (as PostgreSQL folds it).

CREATE TABLE deployment_key (
    id         VARCHAR(36)              NOT NULL,
    type       VARCHAR(32)              NOT NULL,
    "value"    TEXT                     NOT NULL,
    algorithm  VARCHAR(32)              NOT NULL,
    status     VARCHAR(16)              NOT NULL,
    created_at TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    updated_at TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    CONSTRAINT deployment_key_pkey PRIMARY KEY (id),
    CONSTRAINT deployment_key_type_check CHECK (type IN ('data_encryption')),
    CONSTRAINT deployment_key_algorithm_check CHECK (algorithm IN ('aes-256-gcm', 'aes-256-cbc')),
    CONSTRAINT deployment_key_status_check CHECK (status IN ('active', 'inactive', 'destroyed'))
);

CREATE TABLE credentials_entity (
    id         VARCHAR(36)              NOT NULL,
    name       VARCHAR(128)             NOT NULL,
    type       VARCHAR(128)             NOT NULL,
    data       TEXT                     NOT NULL,
    -- The data key the value names (the part before ':'); NULL for a legacy value.
    key_id     VARCHAR(36),
    version    BIGINT                   NOT NULL,
    created_at TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    updated_at TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    CONSTRAINT credentials_entity_pkey PRIMARY KEY (id)
);

CREATE INDEX credentials_entity_key_id_idx ON credentials_entity (key_id);
CREATE INDEX credentials_entity_created_at_idx ON credentials_entity (created_at, id);

CREATE TABLE api_key (
    id          VARCHAR(36)              NOT NULL,
    label       VARCHAR(100)             NOT NULL,
    scopes      TEXT                     NOT NULL,
    secret_hash VARCHAR(128)             NOT NULL,
    created_at  TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    revoked_at  TIMESTAMP(3) WITH TIME ZONE,
    CONSTRAINT api_key_pkey PRIMARY KEY (id)
);
