-- request_hash held an unkeyed SHA-256 of whole request bodies, chosen admin passwords included, which anyone
-- reading the table could test guesses against. Fingerprints are now keyed (HMAC) and leave secrets out; the old
-- rows would no longer match their retries anyway, and idempotency keys only protect retries of the last minutes.
DELETE FROM registry.idempotency_key;
