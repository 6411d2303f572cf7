-- Self-service onboarding: company signups decided by operators (or at once on a self-service plan), and the mails
-- the registry's mailer sent, one row per mail.send event id so a redelivered request is never sent twice.

ALTER TABLE plan ADD COLUMN self_service boolean NOT NULL DEFAULT false;

CREATE TABLE signup (
    id           uuid PRIMARY KEY,
    key          text   NOT NULL,
    company_name text   NOT NULL,
    admin_email  text   NOT NULL,
    plan         text   NOT NULL REFERENCES plan (key),
    status       text   NOT NULL CHECK (status IN ('pending', 'approved', 'rejected', 'expired')),
    reason       text,
    decided_by   text,
    tenant_key   text,
    revision     bigint NOT NULL,
    created_at   timestamptz NOT NULL,
    updated_at   timestamptz NOT NULL,
    decided_at   timestamptz
);
-- a key asked for by a pending signup is taken: two requests for it cannot both wait
CREATE UNIQUE INDEX signup_pending_key_idx ON signup (key) WHERE status = 'pending';
CREATE INDEX signup_status_idx ON signup (status, created_at, id);
CREATE INDEX signup_created_idx ON signup (created_at, id);

-- "which workspaces is this address the admin of"
CREATE INDEX tenant_admin_email_idx ON tenant (lower(admin_email));

CREATE TABLE mail_delivery (
    event_id   text PRIMARY KEY,
    template   text NOT NULL,
    recipient  text NOT NULL,
    message_id text NOT NULL,
    sent_at    timestamptz NOT NULL
);
CREATE INDEX mail_delivery_sent_idx ON mail_delivery (sent_at);

-- mail.send rows may carry single-use links: gone from the outbox as soon as the relay marked them published
CREATE FUNCTION outbox_forget_published_mail() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM registry.outbox WHERE seq = NEW.seq;
    RETURN NULL;
END $$;

CREATE TRIGGER outbox_forget_published_mail AFTER UPDATE OF published_at ON outbox FOR EACH ROW
    WHEN (NEW.published_at IS NOT NULL AND NEW.subject LIKE 'mail.%')
    EXECUTE FUNCTION outbox_forget_published_mail();
