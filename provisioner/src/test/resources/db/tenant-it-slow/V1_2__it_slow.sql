-- Test-only: a slow migration, so a crash test can kill the provisioner in the middle of it.
SELECT pg_sleep(4);
