-- Test-only "next release" migration for fleet-migration ITs; breakable like V1_1.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'it_break_' || current_user) THEN
        RAISE EXCEPTION 'injected failure for %', current_user;
    END IF;
END $$;
ALTER TABLE projects ADD COLUMN archived boolean NOT NULL DEFAULT false;
