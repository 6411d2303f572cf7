package dev.gateway.app.db;

import dev.gateway.app.http.Cursor;
import dev.gateway.app.http.PageRequest;
import io.micronaut.core.annotation.Nullable;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Statement shapes the tenant repositories share; the connection is already scoped to one tenant. */
public final class Queries {

    private Queries() {
    }

    /** Runs {@code ps} and maps every row. */
    public static <T> List<T> list(PreparedStatement ps, RowMapper<T> mapper) throws SQLException {
        List<T> rows = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rows.add(mapper.map(rs));
            }
        }
        return rows;
    }

    /** Runs {@code ps} and maps its first row, if any. */
    public static <T> Optional<T> first(PreparedStatement ps, RowMapper<T> mapper) throws SQLException {
        return list(ps, mapper).stream().findFirst();
    }

    /**
     * One keyset page of {@code select} (a {@code SELECT ... FROM table}), optionally narrowed by
     * {@code filter} with its {@code filterArgs}, ordered by {@code (created_at, id)}: up to
     * {@code limit + 1} rows after the page's cursor.
     */
    public static <T> List<T> keysetPage(Connection c, String select, @Nullable String filter, PageRequest page,
                                         RowMapper<T> mapper, Object... filterArgs) throws SQLException {
        Cursor after = page.after();
        List<String> conditions = new ArrayList<>();
        if (filter != null) {
            conditions.add(filter);
        }
        if (after != null) {
            conditions.add("(created_at, id) > (?, ?)");
        }
        String sql = select + (conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions))
                + " ORDER BY created_at, id LIMIT ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            for (Object arg : filterArgs) {
                ps.setObject(i++, arg);
            }
            if (after != null) {
                ps.setObject(i++, after.createdAt());
                ps.setObject(i++, after.id());
            }
            ps.setInt(i, page.limit() + 1);
            return list(ps, mapper);
        }
    }

    /** Deletes the row of {@code table} with this id; true if there was one. */
    public static boolean deleteById(Connection c, String table, UUID id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE id = ?")) {
            ps.setObject(1, id);
            return ps.executeUpdate() == 1;
        }
    }
}
