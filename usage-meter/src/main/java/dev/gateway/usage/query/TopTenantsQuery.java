package dev.gateway.usage.query;

import dev.gateway.runtime.database.PlatformDb;
import dev.gateway.usage.db.Sql;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The noisy-neighbour list. Whole days of the range are summed from the daily rollups and only the hours at its
 * ends from the hourly ones, so 30 days of 1,000 tenants read some 30,000 rows, not 720,000. Storage is each
 * tenant's last measurement before the range's end (its latest one, unless the range ends before that); active
 * users the busiest day's distinct users among the days the range touches.
 */
@Singleton
public class TopTenantsQuery {

    private static final String SQL = """
            WITH r AS (
                SELECT tenant, day >= ? AND day < ? AS whole, requests, errors, rate_limited, db_ms, active_users
                FROM usage.daily WHERE day >= ? AND day < ?
                UNION ALL
                SELECT tenant, true, requests, errors, rate_limited, db_ms, 0 FROM usage.hourly
                WHERE (hour >= ? AND hour < ?) OR (hour >= ? AND hour < ?)
            ), s AS (
                SELECT tenant, sum(requests) FILTER (WHERE whole) AS requests, sum(errors) FILTER (WHERE whole) AS errors,
                       sum(rate_limited) FILTER (WHERE whole) AS rate_limited, sum(db_ms) FILTER (WHERE whole) AS db_ms,
                       max(active_users) AS active_users
                FROM r GROUP BY tenant
            ), t AS (
                SELECT coalesce(s.tenant, l.tenant) AS tenant, coalesce(s.requests, 0) AS requests,
                       coalesce(s.errors, 0) AS errors, coalesce(s.rate_limited, 0) AS rate_limited,
                       coalesce(s.db_ms, 0) AS db_ms, coalesce(s.active_users, 0) AS active_users,
                       coalesce(CASE WHEN l.measured_at < ? THEN l.bytes ELSE (
                           SELECT h.storage_bytes FROM usage.hourly h
                           WHERE h.tenant = coalesce(s.tenant, l.tenant) AND h.hour < ? AND h.storage_bytes IS NOT NULL
                           ORDER BY h.hour DESC LIMIT 1) END, 0) AS storage_bytes
                FROM s FULL JOIN usage.storage_latest l ON l.tenant = s.tenant
            )
            SELECT tenant, %1$s, requests, errors, rate_limited, db_ms, storage_bytes FROM t
            WHERE requests > 0 OR errors > 0 OR rate_limited > 0 OR db_ms > 0 OR active_users > 0 OR storage_bytes > 0
            ORDER BY %1$s DESC, tenant LIMIT ?""";

    private final PlatformDb db;

    public TopTenantsQuery(PlatformDb db) {
        this.db = db;
    }

    /** {@code range} aligned to hours. */
    public List<TopItem> top(Metric metric, TimeRange range, int limit) {
        Instant firstDay = Granularity.DAY.ceil(range.from());
        Instant endDay = Granularity.DAY.floor(range.to());
        if (!firstDay.isBefore(endDay)) {
            // no whole day: the hours of the range all come from the first hourly span
            firstDay = range.to();
            endDay = range.to();
        }
        Instant daysFrom = firstDay;
        Instant daysTo = endDay;
        return db.inTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement(SQL.formatted(metric.column()))) {
                select.setObject(1, Sql.day(daysFrom));
                select.setObject(2, Sql.day(daysTo));
                select.setObject(3, Sql.day(range.from().truncatedTo(ChronoUnit.DAYS)));
                select.setObject(4, Sql.day(Granularity.DAY.ceil(range.to())));
                select.setObject(5, Sql.at(range.from()));
                select.setObject(6, Sql.at(daysFrom));
                select.setObject(7, Sql.at(daysTo));
                select.setObject(8, Sql.at(range.to()));
                select.setObject(9, Sql.at(range.to()));
                select.setObject(10, Sql.at(range.to()));
                select.setInt(11, limit);
                List<TopItem> items = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        items.add(new TopItem(rows.getString(1), rows.getLong(2), rows.getLong(3), rows.getLong(4),
                                rows.getLong(5), rows.getLong(6), rows.getLong(7)));
                    }
                }
                return items;
            }
        });
    }
}
