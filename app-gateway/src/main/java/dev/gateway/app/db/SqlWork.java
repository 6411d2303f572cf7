package dev.gateway.app.db;

import java.sql.Connection;
import java.sql.SQLException;

/** Work done on a connection already scoped to one tenant. */
@FunctionalInterface
public interface SqlWork<T> {
    T apply(Connection connection) throws SQLException;
}
