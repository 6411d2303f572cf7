-- The first admin is invited by a single-use token; the tenant row keeps only its SHA-256 (hex) until provisioning
-- has seeded the invited admin. Hashes of the former generated passwords are dropped: they are not invitations.
ALTER TABLE tenant RENAME COLUMN admin_password_hash TO admin_invitation_hash;
UPDATE tenant SET admin_invitation_hash = NULL;
