-- Users who join by invitation or by asking to, and what the tenant's admins decide about joining.
-- Every user that exists before this migration is active.
ALTER TABLE users
    ADD COLUMN status text NOT NULL DEFAULT 'active'
        CHECK (status IN ('invited', 'pending', 'active', 'rejected', 'disabled')),
    ALTER COLUMN email DROP NOT NULL,
    ALTER COLUMN password_hash DROP NOT NULL,
    -- only an invitation may be open without an address (the first admin's, which the activation completes)
    -- and without a password (set when it is accepted)
    ADD CONSTRAINT users_email_unless_invited CHECK (email IS NOT NULL OR status = 'invited'),
    ADD CONSTRAINT users_password_unless_invited CHECK (password_hash IS NOT NULL OR status = 'invited');
CREATE INDEX users_status_idx ON users (status, created_at, id);

-- Single-use links: only the SHA-256 (hex) of a token is stored; the token itself exists only in the link.
CREATE TABLE user_tokens (
    token_hash text        PRIMARY KEY CHECK (token_hash ~ '^[0-9a-f]{64}$'),
    kind       text        NOT NULL CHECK (kind IN ('invitation')),
    user_id    uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    expires_at timestamptz NOT NULL,
    used_at    timestamptz,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX user_tokens_user_idx ON user_tokens (user_id);

-- Who may join and what the workspace says about itself. Settings were free-form before: a value of
-- another shape under one of these keys is replaced by the default.
DELETE FROM settings
WHERE (key = 'signup_policy' AND value NOT IN ('"closed"', '"approval"', '"open"'))
   OR (key = 'allowed_email_domains' AND jsonb_typeof(value) <> 'array')
   OR (key = 'company_profile' AND jsonb_typeof(value) <> 'object');
INSERT INTO settings (key, value) VALUES
    ('signup_policy', '"approval"'),
    ('allowed_email_domains', '[]'),
    ('company_profile', '{}')
ON CONFLICT (key) DO NOTHING;
ALTER TABLE settings
    ADD CONSTRAINT settings_signup_policy CHECK (key <> 'signup_policy' OR value IN ('"closed"', '"approval"', '"open"')),
    ADD CONSTRAINT settings_allowed_email_domains CHECK (key <> 'allowed_email_domains' OR jsonb_typeof(value) = 'array'),
    ADD CONSTRAINT settings_company_profile CHECK (key <> 'company_profile' OR jsonb_typeof(value) = 'object');
