-- Test-only migration: fails while a role named it_break_<tenant role> exists, so an IT can break
-- one tenant's migration and later repair it by dropping that role.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'it_break_' || current_user) THEN
        RAISE EXCEPTION 'injected failure for %', current_user;
    END IF;
END $$;
