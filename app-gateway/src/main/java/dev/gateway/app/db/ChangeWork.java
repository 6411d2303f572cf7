package dev.gateway.app.db;

import dev.gateway.app.outbox.TenantEvents;

import java.sql.Connection;
import java.sql.SQLException;

/** A change of tenant data, done on a connection already scoped to one tenant, and the events it records. */
@FunctionalInterface
public interface ChangeWork<T> {
    T apply(Connection connection, TenantEvents events) throws SQLException;
}
