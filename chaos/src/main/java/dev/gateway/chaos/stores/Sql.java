package dev.gateway.chaos.stores;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Plain JDBC over one connection to a database of the chaos PostgreSQL, for checks and set-up. */
public final class Sql implements AutoCloseable {

    private final Connection connection;

    private Sql(Connection connection) {
        this.connection = connection;
    }

    public static Sql open(PostgresServer server, String database) {
        try {
            return new Sql(server.connect(database));
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL :" + server.port() + "/" + database + ": " + e.getMessage(), e);
        }
    }

    /** Maps the current row of a result set. */
    public interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    public <T> List<T> query(String sql, RowMapper<T> mapper, Object... params) {
        try (PreparedStatement statement = prepare(sql, params); ResultSet rows = statement.executeQuery()) {
            List<T> result = new ArrayList<>();
            while (rows.next()) {
                result.add(mapper.map(rows));
            }
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage() + " in: " + sql, e);
        }
    }

    public List<String> strings(String sql, Object... params) {
        return query(sql, row -> row.getString(1), params);
    }

    public long count(String sql, Object... params) {
        return query(sql, row -> row.getLong(1), params).get(0);
    }

    public void execute(String sql, Object... params) {
        try (PreparedStatement statement = prepare(sql, params)) {
            statement.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage() + " in: " + sql, e);
        }
    }

    private PreparedStatement prepare(String sql, Object... params) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            statement.setObject(i + 1, params[i]);
        }
        return statement;
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // the connection is gone either way
        }
    }
}
