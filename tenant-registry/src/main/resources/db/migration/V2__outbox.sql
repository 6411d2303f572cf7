-- STYLE.md §3: events are written in the transaction of the change and relayed to JetStream in seq order.
CREATE TABLE outbox (
    seq             bigserial PRIMARY KEY,
    id              uuid    NOT NULL UNIQUE,
    subject         text    NOT NULL,
    tenant          text    NOT NULL,
    revision        bigint  NOT NULL,
    payload         jsonb   NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    published_at    timestamptz,
    attempts        integer NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    last_error      text
);
CREATE INDEX outbox_unpublished_idx ON outbox (seq) WHERE published_at IS NULL;
CREATE INDEX outbox_tenant_idx ON outbox (tenant, seq);
