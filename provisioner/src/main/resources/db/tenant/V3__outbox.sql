-- Events about this tenant (its activity, the mails it asks for), written in the transaction of the change that
-- caused them and relayed to JetStream by the app-gateway, which deletes a row once the broker has stored it.
-- seq is the tenant's activity sequence: an activity event's envelope revision.
CREATE TABLE outbox (
    seq             bigserial PRIMARY KEY,
    id              uuid        NOT NULL UNIQUE,
    subject         text        NOT NULL,
    tenant          text        NOT NULL,
    revision        bigint      NOT NULL,
    payload         jsonb       NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    published_at    timestamptz,
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    last_error      text
);
