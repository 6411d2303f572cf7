package dev.gateway.app.directory;

/** Redis did not answer and the tenant has no entry that may be served stale. */
final class DirectoryUnreachableException extends RuntimeException {

    DirectoryUnreachableException(String key) {
        // no stack trace: during an outage this is every request of a tenant without a servable entry
        super("tenant directory unreachable for " + key, null, false, false);
    }
}
