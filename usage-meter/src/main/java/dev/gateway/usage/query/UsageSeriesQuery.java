package dev.gateway.usage.query;

import dev.gateway.runtime.database.PlatformDb;
import dev.gateway.usage.rollup.Measure;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import dev.gateway.usage.db.Sql;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A tenant's or the whole fleet's usage per hour or day. Counters are sums of the rollups (a user belongs to one
 * tenant, so summing active users over tenants is exact); storage is each tenant's last measurement up to the
 * bucket, carried forward, summed over the tenants.
 */
@Singleton
public class UsageSeriesQuery {

    private static final String SUMS = Arrays.stream(Measure.values()).map(m -> "sum(" + m.column() + ")")
            .collect(Collectors.joining(", "));

    private final PlatformDb db;

    public UsageSeriesQuery(PlatformDb db) {
        this.db = db;
    }

    public List<UsagePoint> points(TimeRange range, Granularity granularity, String tenant) {
        return db.inTransaction(connection -> {
            Map<Instant, long[]> sums = sums(connection, range, granularity, tenant);
            Map<Instant, Long> storage = storage(connection, range, granularity, tenant);
            List<UsagePoint> points = new ArrayList<>();
            long carried = storage.getOrDefault(Instant.MIN, 0L);
            for (Instant t = range.from(); t.isBefore(range.to()); t = t.plus(granularity.step())) {
                long[] c = sums.getOrDefault(t, new long[Measure.values().length]);
                carried = storage.getOrDefault(t, carried);
                points.add(new UsagePoint(t, c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], c[8], c[9], carried));
            }
            return points;
        });
    }

    private static Map<Instant, long[]> sums(Connection connection, TimeRange range, Granularity granularity,
                                             String tenant) throws SQLException {
        String bucket = bucket(granularity);
        String sql = "SELECT " + bucket + ", " + SUMS + " FROM usage." + granularity.table() + " WHERE "
                + (tenant != null ? "tenant = ? AND " : "") + within(granularity) + " GROUP BY 1";
        Map<Instant, long[]> sums = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            bind(select, range, tenant);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    long[] c = new long[Measure.values().length];
                    for (int i = 0; i < c.length; i++) {
                        c[i] = rows.getLong(i + 2);
                    }
                    sums.put(Instant.ofEpochSecond(rows.getLong(1)), c);
                }
            }
        }
        return sums;
    }

    /**
     * The fleet's (or tenant's) storage at each bucket that has a measurement, and under {@link Instant#MIN} the
     * value carried in from before the range.
     */
    private static Map<Instant, Long> storage(Connection connection, TimeRange range, Granularity granularity,
                                              String tenant) throws SQLException {
        String table = "usage." + granularity.table();
        String column = granularity.column();
        String tenantFilter = tenant != null ? "tenant = ? AND " : "";
        Map<String, Long> current = new HashMap<>();
        try (PreparedStatement before = connection.prepareStatement("SELECT DISTINCT ON (tenant) tenant, storage_bytes"
                + " FROM " + table + " WHERE " + tenantFilter + before(granularity)
                + " AND storage_bytes IS NOT NULL ORDER BY tenant, " + column + " DESC")) {
            int p = 1;
            if (tenant != null) {
                before.setString(p++, tenant);
            }
            before.setObject(p, Sql.at(range.from()));
            try (ResultSet rows = before.executeQuery()) {
                while (rows.next()) {
                    current.put(rows.getString(1), rows.getLong(2));
                }
            }
        }
        long total = current.values().stream().mapToLong(Long::longValue).sum();
        Map<Instant, Long> totals = new TreeMap<>();
        totals.put(Instant.MIN, total);
        try (PreparedStatement inRange = connection.prepareStatement("SELECT " + bucket(granularity)
                + ", tenant, storage_bytes FROM " + table + " WHERE " + tenantFilter + within(granularity)
                + " AND storage_bytes IS NOT NULL ORDER BY 1")) {
            bind(inRange, range, tenant);
            try (ResultSet rows = inRange.executeQuery()) {
                while (rows.next()) {
                    Long previous = current.put(rows.getString(2), rows.getLong(3));
                    total += rows.getLong(3) - (previous == null ? 0 : previous);
                    totals.put(Instant.ofEpochSecond(rows.getLong(1)), total);
                }
            }
        }
        return totals;
    }

    private static String bucket(Granularity granularity) {
        return granularity == Granularity.HOUR ? "extract(epoch FROM hour)::bigint"
                : "extract(epoch FROM day::timestamp AT TIME ZONE 'UTC')::bigint";
    }

    private static String before(Granularity granularity) {
        return granularity == Granularity.HOUR ? "hour < ?" : "day < (?::timestamptz AT TIME ZONE 'UTC')::date";
    }

    /** Bounds compared in the table's own type: a timestamptz for hours, a UTC date for days. */
    private static String within(Granularity granularity) {
        String column = granularity.column();
        return granularity == Granularity.HOUR ? column + " >= ? AND " + column + " < ?"
                : column + " >= (?::timestamptz AT TIME ZONE 'UTC')::date AND " + column
                + " < (?::timestamptz AT TIME ZONE 'UTC')::date";
    }

    private static void bind(PreparedStatement statement, TimeRange range, String tenant) throws SQLException {
        int p = 1;
        if (tenant != null) {
            statement.setString(p++, tenant);
        }
        statement.setObject(p++, Sql.at(range.from()));
        statement.setObject(p, Sql.at(range.to()));
    }
}
