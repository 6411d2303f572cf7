-- Where each tenant lives and what this service last did for it. last_revision makes the
-- TENANTS consumer idempotent: an event older than it is acknowledged and ignored.
CREATE TABLE placement (
    tenant_key     text PRIMARY KEY,
    tenant_id      uuid,
    pool_host      text        NOT NULL,
    pool_port      int         NOT NULL,
    isolation      text        NOT NULL CHECK (isolation IN ('database', 'schema')),
    db_name        text        NOT NULL,
    schema_name    text        NOT NULL,
    role_name      text        NOT NULL,
    schema_version text,
    status         text        NOT NULL
        CHECK (status IN ('provisioning', 'ready', 'failed', 'deprovisioning', 'deprovisioned')),
    last_revision  bigint      NOT NULL,
    last_event_id  text,
    error_code     text,
    error_message  text,
    backup_path    text,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX placement_pool_idx ON placement (pool_host, pool_port, status);
