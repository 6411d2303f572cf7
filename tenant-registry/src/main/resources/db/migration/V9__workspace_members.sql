-- Who belongs to which workspace, learnt from the workspaces' activity (a user joined, was removed or rejected), so
-- that "which workspaces am I in?" answers for every member, not only for a workspace's first admin. Addresses are
-- kept lower-case. occurred_at tells a row of an earlier workspace under the same key (deleted, key reused) from one
-- of the current workspace, whose created_at is later.
CREATE TABLE workspace_member (
    tenant_key  text        NOT NULL,
    user_id     uuid        NOT NULL,
    email       text        NOT NULL CHECK (email = lower(email)),
    active      boolean     NOT NULL,
    revision    bigint      NOT NULL,
    occurred_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_key, user_id)
);
CREATE INDEX workspace_member_email_idx ON workspace_member (email) WHERE active;
