package dev.gateway.usage.rollup;

import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * Adds a batch's {@link RollupChanges} to the hourly and daily rollups, in the caller's transaction: one statement
 * per table whatever the batch size (arrays, unnest). A user counts once per hour and once per day: only the
 * rows new in the active-user tables add to {@code active_users}.
 */
@Singleton
public class Rollups {

    private static final String UTC_DAY = "(to_timestamp(b) AT TIME ZONE 'UTC')::date";
    private static final String HOURLY = upsert("hourly", "hour", "to_timestamp(b)");
    private static final String DAILY = upsert("daily", "day", UTC_DAY);
    private static final String NEW_ACTIVE_HOURS = """
            INSERT INTO usage.active_user_hour (tenant, hour, actor_id)
            SELECT t, to_timestamp(b), a FROM unnest(?::text[], ?::bigint[], ?::text[]) AS u(t, b, a) ORDER BY 1, 2, 3
            ON CONFLICT DO NOTHING RETURNING tenant, extract(epoch FROM hour)::bigint, actor_id""";
    private static final String NEW_ACTIVE_DAYS = """
            INSERT INTO usage.active_user_day (tenant, day, actor_id)
            SELECT t, %s, a FROM unnest(?::text[], ?::bigint[], ?::text[]) AS u(t, b, a) ORDER BY 1, 2, 3
            ON CONFLICT DO NOTHING RETURNING tenant, extract(epoch FROM day::timestamp AT TIME ZONE 'UTC')::bigint, actor_id"""
            .formatted(UTC_DAY);

    /** Users active in an hour, and in a day, that this instance committed lately: most actors acted before. */
    private final ActiveUserMarks hourMarks = new ActiveUserMarks(200_000);
    private final ActiveUserMarks dayMarks = new ActiveUserMarks(100_000);

    public void apply(Connection connection, RollupChanges changes) throws SQLException {
        Set<RollupChanges.ActiveUser> unknown = changes.unmarked();
        changes.activeUsers().stream().filter(u -> !hourMarks.known(u)).forEach(unknown::add);
        if (!unknown.isEmpty()) {
            // a user new in an hour may be new in its day; one already counted in the hour is counted in the day too
            Set<RollupChanges.ActiveUser> days = new TreeSet<>();
            for (RollupChanges.ActiveUser hour : countNew(connection, NEW_ACTIVE_HOURS, unknown, changes::hour)) {
                RollupChanges.ActiveUser day = dayOf(hour);
                if (!dayMarks.known(day)) {
                    days.add(day);
                }
            }
            if (!days.isEmpty()) {
                countNew(connection, NEW_ACTIVE_DAYS, days, changes::day);
            }
        }
        write(connection, HOURLY, changes.hours());
        write(connection, DAILY, changes.days());
    }

    /**
     * After the transaction that applied {@code changes} committed: marks the users that were not marked (asking
     * for a mark already made it the most recent one).
     */
    public void committed(RollupChanges changes) {
        hourMarks.committed(changes.unmarked());
        dayMarks.committed(changes.unmarked().stream().map(Rollups::dayOf).toList());
    }

    private static RollupChanges.ActiveUser dayOf(RollupChanges.ActiveUser hour) {
        return new RollupChanges.ActiveUser(hour.tenant(), hour.hour().truncatedTo(ChronoUnit.DAYS), hour.actorId());
    }

    /** Inserts the marks, adds one active user to the bucket of each new one, and returns the new ones. */
    private static List<RollupChanges.ActiveUser> countNew(Connection connection, String sql,
                                                          Set<RollupChanges.ActiveUser> users,
                                                          BiFunction<String, Instant, Counters> bucket)
            throws SQLException {
        List<RollupChanges.ActiveUser> added = new ArrayList<>();
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            insert.setArray(1, connection.createArrayOf("text", users.stream().map(RollupChanges.ActiveUser::tenant).toArray()));
            insert.setArray(2, connection.createArrayOf("bigint",
                    users.stream().map(u -> u.hour().getEpochSecond()).toArray()));
            insert.setArray(3, connection.createArrayOf("text", users.stream().map(RollupChanges.ActiveUser::actorId).toArray()));
            try (ResultSet rows = insert.executeQuery()) {
                while (rows.next()) {
                    Instant at = Instant.ofEpochSecond(rows.getLong(2));
                    bucket.apply(rows.getString(1), at).add(Measure.ACTIVE_USERS, 1);
                    added.add(new RollupChanges.ActiveUser(rows.getString(1), at, rows.getString(3)));
                }
            }
        }
        return added;
    }

    private static void write(Connection connection, String sql, Map<RollupChanges.Bucket, Counters> rows)
            throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement upsert = connection.prepareStatement(sql)) {
            int p = 1;
            upsert.setArray(p++, connection.createArrayOf("text", rows.keySet().stream().map(RollupChanges.Bucket::tenant).toArray()));
            upsert.setArray(p++, connection.createArrayOf("bigint",
                    rows.keySet().stream().map(b -> b.start().getEpochSecond()).toArray()));
            for (Measure measure : Measure.values()) {
                upsert.setArray(p++, connection.createArrayOf("bigint", rows.values().stream().map(c -> c.get(measure)).toArray()));
            }
            upsert.setArray(p++, connection.createArrayOf("bigint", rows.values().stream().map(Counters::storageBytes).toArray()));
            upsert.setArray(p, connection.createArrayOf("bigint", rows.values().stream()
                    .map(c -> c.storageMeasuredAt() == null ? null : c.storageMeasuredAt().toEpochMilli()).toArray()));
            upsert.executeUpdate();
        }
    }

    private static String upsert(String table, String bucketColumn, String bucketExpression) {
        String measures = Arrays.stream(Measure.values()).map(Measure::column).collect(Collectors.joining(", "));
        String aliases = Arrays.stream(Measure.values()).map(m -> "c_" + m.column()).collect(Collectors.joining(", "));
        String arrays = Arrays.stream(Measure.values()).map(m -> "?::bigint[]").collect(Collectors.joining(", "));
        String sums = Arrays.stream(Measure.values()).map(m -> m.column() + " = r." + m.column() + " + EXCLUDED." + m.column())
                .collect(Collectors.joining(", "));
        String newer = "EXCLUDED.storage_measured_at IS NOT NULL AND (r.storage_measured_at IS NULL"
                + " OR EXCLUDED.storage_measured_at >= r.storage_measured_at)";
        return "INSERT INTO usage." + table + " AS r (tenant, " + bucketColumn + ", " + measures
                + ", storage_bytes, storage_measured_at)"
                + " SELECT t, " + bucketExpression + ", " + aliases + ", sb, to_timestamp(sm / 1000.0)"
                + " FROM unnest(?::text[], ?::bigint[], " + arrays + ", ?::bigint[], ?::bigint[])"
                + " AS u(t, b, " + aliases + ", sb, sm)"
                + " ON CONFLICT (tenant, " + bucketColumn + ") DO UPDATE SET " + sums
                + ", storage_bytes = CASE WHEN " + newer + " THEN EXCLUDED.storage_bytes ELSE r.storage_bytes END"
                + ", storage_measured_at = CASE WHEN " + newer + " THEN EXCLUDED.storage_measured_at"
                + " ELSE r.storage_measured_at END";
    }
}
