package dev.gateway.app.outbox;

import dev.gateway.app.directory.TenantEntry;

/** A transaction that wrote rows to this tenant's outbox has committed. */
public record OutboxWritten(TenantEntry tenant) {
}
