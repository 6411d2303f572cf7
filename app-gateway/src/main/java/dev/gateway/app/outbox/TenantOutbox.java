package dev.gateway.app.outbox;

import dev.gateway.app.directory.TenantEntry;
import jakarta.inject.Singleton;

import java.sql.Connection;

/** Hands a change its {@link TenantEvents}, and marks the tenant pending before a change that wrote any commits. */
@Singleton
public class TenantOutbox {

    private final PendingOutboxes pending;

    public TenantOutbox(PendingOutboxes pending) {
        this.pending = pending;
    }

    public TenantEvents events(Connection connection, TenantEntry tenant, String correlationId) {
        return new TenantEvents(connection, tenant, correlationId);
    }

    /** Called just before commit; true when the change wrote events (then the tenant is marked pending). */
    public boolean beforeCommit(TenantEvents events) {
        if (events.wrote()) {
            pending.mark(events.tenant());
            return true;
        }
        return false;
    }
}
