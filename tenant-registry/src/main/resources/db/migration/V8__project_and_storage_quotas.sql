-- Quotas on tenant data, enforced by the app-gateway: 0 means unlimited. Plans carry them, a tenant may override.
ALTER TABLE plan
    ADD COLUMN max_projects   integer NOT NULL DEFAULT 0 CHECK (max_projects BETWEEN 0 AND 1000000),
    ADD COLUMN max_storage_mb integer NOT NULL DEFAULT 0 CHECK (max_storage_mb BETWEEN 0 AND 1000000);
ALTER TABLE tenant
    ADD COLUMN max_projects   integer CHECK (max_projects BETWEEN 0 AND 1000000),
    ADD COLUMN max_storage_mb integer CHECK (max_storage_mb BETWEEN 0 AND 1000000);

UPDATE plan SET max_projects = 5, max_storage_mb = 100 WHERE key = 'free' AND max_projects = 0;
UPDATE plan SET max_projects = 100, max_storage_mb = 5000 WHERE key = 'starter' AND max_projects = 0;
