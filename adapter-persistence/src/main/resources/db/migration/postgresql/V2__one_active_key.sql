-- At most one active data key per type, enforced by the database itself.
CREATE UNIQUE INDEX deployment_key_one_active ON deployment_key (type) WHERE status = 'active';
