-- At most one active data key per type, enforced by the database itself. H2 has no partial
-- indexes: active_type is the type while the key is active and NULL otherwise, and a unique
-- constraint allows any number of NULLs.
ALTER TABLE deployment_key ADD COLUMN active_type VARCHAR(32)
    GENERATED ALWAYS AS (CASE WHEN status = 'active' THEN type END);
ALTER TABLE deployment_key ADD CONSTRAINT deployment_key_one_active UNIQUE (active_type);
