package dev.gateway.usage.query;

import dev.gateway.runtime.database.PlatformDb;
import dev.gateway.usage.db.Sql;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Hourly values of one metric for a few tenants (the tenants table's sparklines). */
@Singleton
public class SparklinesQuery {

    private final PlatformDb db;

    public SparklinesQuery(PlatformDb db) {
        this.db = db;
    }

    /** {@code range} aligned to hours; {@code known} get a value per hour, the others an empty series. */
    public Map<String, List<Long>> series(Metric metric, TimeRange range, Collection<String> tenants, Set<String> known) {
        int hours = (int) Duration.between(range.from(), range.to()).toHours();
        Map<String, long[]> values = new HashMap<>();
        known.forEach(tenant -> values.put(tenant, new long[hours]));
        if (!known.isEmpty()) {
            db.inTransaction(connection -> {
                try (PreparedStatement select = connection.prepareStatement("SELECT tenant, extract(epoch FROM hour)::bigint, "
                        + metric.column() + " FROM usage.hourly WHERE tenant = ANY (?) AND hour >= ? AND hour < ?")) {
                    select.setArray(1, connection.createArrayOf("text", known.toArray()));
                    select.setObject(2, Sql.at(range.from()));
                    select.setObject(3, Sql.at(range.to()));
                    try (ResultSet rows = select.executeQuery()) {
                        while (rows.next()) {
                            int index = (int) ((rows.getLong(2) - range.from().getEpochSecond()) / 3600);
                            values.get(rows.getString(1))[index] = rows.getLong(3);
                        }
                    }
                }
                return null;
            });
        }
        Map<String, List<Long>> series = new LinkedHashMap<>();
        for (String tenant : tenants) {
            long[] v = values.get(tenant);
            series.put(tenant, v == null ? List.of() : Arrays.stream(v).boxed().toList());
        }
        return series;
    }
}
