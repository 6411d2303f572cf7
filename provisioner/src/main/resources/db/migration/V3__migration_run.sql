-- Fleet migration runs and their per-tenant results; a run is resumable because every target
-- tenant gets a row up front and only 'succeeded' rows are final.
CREATE TABLE migration_run (
    id             uuid PRIMARY KEY,
    requested_by   text        NOT NULL,
    scope          text        NOT NULL CHECK (scope IN ('tenant', 'all')),
    parallel       int         NOT NULL CHECK (parallel BETWEEN 1 AND 64),
    skip_failing   boolean     NOT NULL,
    canary         int         NOT NULL DEFAULT 0 CHECK (canary >= 0),
    status         text        NOT NULL CHECK (status IN ('running', 'succeeded', 'failed', 'stopped')),
    target_version text,
    created_at     timestamptz NOT NULL DEFAULT now(),
    finished_at    timestamptz
);
CREATE INDEX migration_run_created_idx ON migration_run (created_at DESC, id);

CREATE TABLE migration_result (
    run_id       uuid        NOT NULL REFERENCES migration_run (id) ON DELETE CASCADE,
    position     int         NOT NULL,
    tenant_key   text        NOT NULL,
    status       text        NOT NULL CHECK (status IN ('pending', 'running', 'succeeded', 'failed')),
    from_version text,
    to_version   text,
    applied      int,
    duration_ms  bigint,
    error        text,
    updated_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (run_id, tenant_key)
);
CREATE INDEX migration_result_position_idx ON migration_result (run_id, position);
