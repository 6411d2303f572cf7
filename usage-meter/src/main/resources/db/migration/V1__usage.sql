-- Tenants as seen on stream TENANTS: the keys the usage API knows.
CREATE TABLE tenant (
    key          text PRIMARY KEY,
    tenant_id    uuid        NOT NULL,
    company_name text        NOT NULL,
    status       text        NOT NULL,
    revision     bigint      NOT NULL,
    updated_at   timestamptz NOT NULL DEFAULT now()
);

-- Rollups per tenant and hour / day. storage_bytes is the last measurement in the bucket (null: none in it).
CREATE TABLE hourly (
    tenant              text        NOT NULL,
    hour                timestamptz NOT NULL,
    requests            bigint      NOT NULL DEFAULT 0,
    errors              bigint      NOT NULL DEFAULT 0,
    rate_limited        bigint      NOT NULL DEFAULT 0,
    db_ms               bigint      NOT NULL DEFAULT 0,
    active_users        bigint      NOT NULL DEFAULT 0,
    logins              bigint      NOT NULL DEFAULT 0,
    failed_logins       bigint      NOT NULL DEFAULT 0,
    projects_created    bigint      NOT NULL DEFAULT 0,
    tasks_created       bigint      NOT NULL DEFAULT 0,
    tasks_completed     bigint      NOT NULL DEFAULT 0,
    storage_bytes       bigint,
    storage_measured_at timestamptz,
    PRIMARY KEY (tenant, hour)
);
CREATE INDEX hourly_by_hour ON hourly (hour);
CREATE INDEX hourly_storage ON hourly (tenant, hour) WHERE storage_bytes IS NOT NULL;

CREATE TABLE daily (
    tenant              text        NOT NULL,
    day                 date        NOT NULL,
    requests            bigint      NOT NULL DEFAULT 0,
    errors              bigint      NOT NULL DEFAULT 0,
    rate_limited        bigint      NOT NULL DEFAULT 0,
    db_ms               bigint      NOT NULL DEFAULT 0,
    active_users        bigint      NOT NULL DEFAULT 0,
    logins              bigint      NOT NULL DEFAULT 0,
    failed_logins       bigint      NOT NULL DEFAULT 0,
    projects_created    bigint      NOT NULL DEFAULT 0,
    tasks_created       bigint      NOT NULL DEFAULT 0,
    tasks_completed     bigint      NOT NULL DEFAULT 0,
    storage_bytes       bigint,
    storage_measured_at timestamptz,
    PRIMARY KEY (tenant, day)
);
CREATE INDEX daily_by_day ON daily (day);
CREATE INDEX daily_storage ON daily (tenant, day) WHERE storage_bytes IS NOT NULL;

-- Who was active in a bucket: active_users counts a user once per bucket, however many events they caused.
CREATE TABLE active_user_hour (
    tenant   text        NOT NULL,
    hour     timestamptz NOT NULL,
    actor_id text        NOT NULL,
    PRIMARY KEY (tenant, hour, actor_id)
);
CREATE TABLE active_user_day (
    tenant   text NOT NULL,
    day      date NOT NULL,
    actor_id text NOT NULL,
    PRIMARY KEY (tenant, day, actor_id)
);

-- The newest storage measurement of each tenant (the usage:<tenant> hash and the top list read it).
CREATE TABLE storage_latest (
    tenant      text PRIMARY KEY,
    bytes       bigint      NOT NULL,
    measured_at timestamptz NOT NULL
);

-- Ids of applied events, written in the transaction that applied them: a redelivery or a re-sent event is
-- counted once. Kept longer than any stream keeps an event.
CREATE TABLE applied_event (
    id         uuid PRIMARY KEY,
    applied_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX applied_event_age ON applied_event USING brin (applied_at);

-- The activity log, one partition per UTC day (activity_YYYYMMDD), created ahead and dropped after the retention.
CREATE TABLE activity (
    id          uuid        NOT NULL,
    tenant      text        NOT NULL,
    day         date        NOT NULL,
    sequence    bigint      NOT NULL,
    type        text        NOT NULL,
    occurred_at timestamptz NOT NULL,
    actor_id    text,
    actor_email text,
    entity_id   text,
    summary     text
) PARTITION BY RANGE (day);
CREATE INDEX activity_feed ON activity (tenant, occurred_at DESC, id DESC);
