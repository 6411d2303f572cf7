package dev.gateway.usage.activity;

import dev.gateway.usage.UsageProperties;
import dev.gateway.usage.db.Sql;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The activity log: appended by the activity consumer in its batch's transaction, read newest first. Only days
 * that have a partition are logged (those of the retention and the days ahead): an older event still counts in
 * the rollups, it is just not listed.
 */
@Singleton
public class ActivityLog {

    private static final String UTC_DAY = "(to_timestamp(o / 1000.0) AT TIME ZONE 'UTC')::date";
    private static final String TODAY = "(now() AT TIME ZONE 'UTC')::date";
    private static final String APPEND = """
            INSERT INTO usage.activity (id, tenant, day, sequence, type, occurred_at, actor_id, actor_email, entity_id, summary)
            SELECT i, t, %1$s, s, ty, to_timestamp(o / 1000.0), a, e, en, su
            FROM unnest(?::uuid[], ?::text[], ?::bigint[], ?::text[], ?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[])
                 AS u(i, t, s, ty, o, a, e, en, su)
            WHERE %1$s > %2$s - ? AND %1$s <= %2$s + ?""".formatted(UTC_DAY, TODAY);

    private final UsageProperties properties;

    public ActivityLog(UsageProperties properties) {
        this.properties = properties;
    }

    public void append(Connection connection, List<MeteredActivity> activities) throws SQLException {
        if (activities.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(APPEND)) {
            insert.setArray(1, connection.createArrayOf("uuid", activities.stream().map(MeteredActivity::id).toArray()));
            insert.setArray(2, connection.createArrayOf("text", activities.stream().map(MeteredActivity::tenant).toArray()));
            insert.setArray(3, connection.createArrayOf("bigint", activities.stream().map(MeteredActivity::sequence).toArray()));
            insert.setArray(4, connection.createArrayOf("text", activities.stream().map(a -> a.type().subject()).toArray()));
            insert.setArray(5, connection.createArrayOf("bigint",
                    activities.stream().map(a -> a.occurredAt().toEpochMilli()).toArray()));
            insert.setArray(6, connection.createArrayOf("text", activities.stream().map(a -> a.record().actorId()).toArray()));
            insert.setArray(7, connection.createArrayOf("text", activities.stream().map(a -> a.record().actorEmail()).toArray()));
            insert.setArray(8, connection.createArrayOf("text", activities.stream().map(a -> a.record().entityId()).toArray()));
            insert.setArray(9, connection.createArrayOf("text", activities.stream().map(a -> a.record().summary()).toArray()));
            insert.setInt(10, properties.activityDays());
            insert.setInt(11, properties.partitionsAhead());
            insert.executeUpdate();
        }
    }

    /** One page of a tenant's activity, newest first, after {@code query}'s cursor; one more row tells a next page. */
    public List<ActivityItem> page(Connection connection, ActivityQuery query) throws SQLException {
        StringBuilder sql = new StringBuilder("""
                SELECT id, type, occurred_at, actor_id, actor_email, entity_id, summary FROM usage.activity
                WHERE tenant = ? AND day >= ? AND day <= ? AND occurred_at >= ? AND occurred_at < ?""");
        if (query.type() != null) {
            sql.append(" AND type = ?");
        }
        if (query.after() != null) {
            sql.append(" AND (occurred_at, id) < (?, ?)");
        }
        sql.append(" ORDER BY occurred_at DESC, id DESC LIMIT ?");
        try (PreparedStatement select = connection.prepareStatement(sql.toString())) {
            int p = 1;
            select.setString(p++, query.tenant());
            select.setObject(p++, LocalDate.ofInstant(query.from(), ZoneOffset.UTC));
            select.setObject(p++, LocalDate.ofInstant(query.to(), ZoneOffset.UTC));
            select.setObject(p++, Sql.at(query.from()));
            select.setObject(p++, Sql.at(query.to()));
            if (query.type() != null) {
                select.setString(p++, query.type());
            }
            if (query.after() != null) {
                select.setObject(p++, Sql.at(query.after().occurredAt()));
                select.setObject(p++, query.after().id());
            }
            select.setInt(p, query.limit() + 1);
            List<ActivityItem> items = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    items.add(new ActivityItem(rows.getObject(1, UUID.class).toString(), rows.getString(2),
                            rows.getTimestamp(3).toInstant(), rows.getString(4), rows.getString(5), rows.getString(6),
                            rows.getString(7)));
                }
            }
            return items;
        }
    }
}
