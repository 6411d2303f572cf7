-- Events written in the same transaction as the state change they report, relayed to JetStream
-- after commit (and by a poll, so a crash between commit and publish loses nothing).
CREATE TABLE outbox (
    seq             bigserial PRIMARY KEY,
    id              uuid        NOT NULL UNIQUE,
    subject         text        NOT NULL,
    tenant          text        NOT NULL,
    revision        bigint      NOT NULL,
    payload         jsonb       NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    published_at    timestamptz,
    attempts        int         NOT NULL DEFAULT 0,
    last_error      text,
    next_attempt_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX outbox_unpublished_idx ON outbox (seq) WHERE published_at IS NULL;
