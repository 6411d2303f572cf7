-- DESIGN.md §3: the registry's own tables. Tenant data never lives here.

CREATE TABLE plan (
    key             text PRIMARY KEY,
    rate_per_second integer NOT NULL CHECK (rate_per_second > 0),
    burst           integer NOT NULL CHECK (burst > 0),
    max_users       integer NOT NULL CHECK (max_users > 0),
    features        text[]  NOT NULL DEFAULT '{}',
    created_at      timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE shared_pool (
    id           uuid PRIMARY KEY,
    name         text    NOT NULL UNIQUE,
    host         text    NOT NULL,
    port         integer NOT NULL CHECK (port BETWEEN 1 AND 65535),
    database     text    NOT NULL,
    isolation    text    NOT NULL CHECK (isolation IN ('database', 'schema')),
    max_tenants  integer NOT NULL CHECK (max_tenants > 0),
    tenant_count integer NOT NULL DEFAULT 0 CHECK (tenant_count >= 0),
    status       text    NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'draining')),
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE tenant (
    id                     uuid PRIMARY KEY,
    key                    text   NOT NULL UNIQUE,
    company_name           text   NOT NULL,
    plan                   text   NOT NULL REFERENCES plan (key),
    pool_id                uuid   NOT NULL REFERENCES shared_pool (id),
    status                 text   NOT NULL CHECK (status IN
                               ('pending', 'provisioning', 'ready', 'suspended', 'failed', 'deleting', 'deleted')),
    status_reason          text,
    isolation              text   NOT NULL CHECK (isolation IN ('database', 'schema')),
    db_name                text   NOT NULL,
    schema_name            text   NOT NULL,
    role_name              text   NOT NULL,
    rate_per_second        integer CHECK (rate_per_second > 0),
    burst                  integer CHECK (burst > 0),
    max_users              integer CHECK (max_users > 0),
    admin_email            text,
    admin_password_hash    text,
    revision               bigint NOT NULL,
    -- the last request sent to the provisioner (created / retried / deleting): results older than it are stale,
    -- and the safety net re-emits it with the same revision and correlation id when nothing answers
    request_event_id       uuid   NOT NULL,
    request_type           text   NOT NULL,
    request_revision       bigint NOT NULL,
    request_correlation_id text   NOT NULL,
    request_emitted_at     timestamptz NOT NULL,
    created_at             timestamptz NOT NULL,
    updated_at             timestamptz NOT NULL,
    ready_at               timestamptz,
    deleted_at             timestamptz
);
CREATE INDEX tenant_status_idx ON tenant (status);

CREATE TABLE tenant_event (
    id             bigserial PRIMARY KEY,
    tenant_id      uuid   NOT NULL REFERENCES tenant (id),
    event_id       uuid   NOT NULL,
    event_type     text   NOT NULL,
    from_status    text,
    to_status      text   NOT NULL,
    revision       bigint NOT NULL,
    actor          text   NOT NULL,
    reason         text,
    correlation_id text   NOT NULL,
    occurred_at    timestamptz NOT NULL
);
CREATE INDEX tenant_event_tenant_idx ON tenant_event (tenant_id, id);

CREATE TABLE admin_user (
    username      text PRIMARY KEY,
    password_hash text NOT NULL,
    role          text NOT NULL CHECK (role IN ('admin', 'viewer')),
    created_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE idempotency_key (
    key          text PRIMARY KEY,
    request_hash text    NOT NULL,
    status       integer NOT NULL,
    body         text    NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now()
);

-- what the provisioning consumer already applied, so a redelivered event is acked and ignored
CREATE TABLE processed_event (
    event_id     text PRIMARY KEY,
    consumer     text   NOT NULL,
    tenant       text   NOT NULL,
    event_type   text   NOT NULL,
    revision     bigint NOT NULL,
    outcome      text   NOT NULL,
    processed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX processed_event_tenant_idx ON processed_event (consumer, tenant, revision);
