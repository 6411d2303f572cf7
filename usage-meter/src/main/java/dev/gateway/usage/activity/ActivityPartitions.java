package dev.gateway.usage.activity;

import dev.gateway.usage.UsageProperties;
import dev.gateway.runtime.database.PlatformDb;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * One partition of the activity log per UTC day, {@code usage.activity_YYYYMMDD}: the retention's days and the
 * days ahead exist before the consumer writes (checked before every batch, cheap once done for the day), and
 * partitions past the retention are dropped whole, which costs no row deletes.
 */
@Singleton
public class ActivityPartitions {

    private static final Logger LOG = LoggerFactory.getLogger(ActivityPartitions.class);
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("'activity_'yyyyMMdd");
    private static final String DUPLICATE_TABLE = "42P07";

    private final PlatformDb db;
    private final UsageProperties properties;
    private final Clock clock;
    private volatile LocalDate ensuredFor;

    public ActivityPartitions(PlatformDb db, UsageProperties properties) {
        this(db, properties, Clock.systemUTC());
    }

    ActivityPartitions(PlatformDb db, UsageProperties properties, Clock clock) {
        this.db = db;
        this.properties = properties;
        this.clock = clock;
    }

    /** Creates the partitions from the oldest day kept to the last day ahead, once per day. */
    public void ensure() {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        if (today.equals(ensuredFor)) {
            return;
        }
        synchronized (this) {
            if (today.equals(ensuredFor)) {
                return;
            }
            List<String> existing = existing();
            // one day beyond the days ahead: a batch just after midnight never finds its day missing
            for (LocalDate day = today.minusDays(properties.activityDays() - 1L);
                 !day.isAfter(today.plusDays(properties.partitionsAhead() + 1L)); day = day.plusDays(1)) {
                if (!existing.contains(NAME.format(day))) {
                    create(day);
                }
            }
            ensuredFor = today;
        }
    }

    /** Drops the partitions of days past the retention; returns their names. */
    public List<String> dropExpired() {
        LocalDate oldestKept = LocalDate.now(clock.withZone(ZoneOffset.UTC)).minusDays(properties.activityDays() - 1L);
        List<String> dropped = new ArrayList<>();
        for (String name : existing()) {
            LocalDate day = LocalDate.parse(name, NAME);
            if (day.isBefore(oldestKept)) {
                db.inTransaction(c -> execute(c, "DROP TABLE IF EXISTS usage." + name));
                dropped.add(name);
            }
        }
        if (!dropped.isEmpty()) {
            LOG.info("dropped activity partitions past the {}-day retention: {}", properties.activityDays(), dropped);
        }
        return dropped;
    }

    public List<String> existing() {
        return db.inTransaction(c -> {
            List<String> names = new ArrayList<>();
            try (Statement st = c.createStatement(); ResultSet rows = st.executeQuery("""
                    SELECT child.relname FROM pg_inherits
                    JOIN pg_class child ON child.oid = pg_inherits.inhrelid
                    WHERE pg_inherits.inhparent = 'usage.activity'::regclass ORDER BY 1""")) {
                while (rows.next()) {
                    names.add(rows.getString(1));
                }
            }
            return names;
        });
    }

    private void create(LocalDate day) {
        String sql = "CREATE TABLE IF NOT EXISTS usage." + NAME.format(day) + " PARTITION OF usage.activity"
                + " FOR VALUES FROM ('" + day + "') TO ('" + day.plusDays(1) + "')";
        try {
            db.inTransaction(c -> execute(c, sql));
        } catch (RuntimeException e) {
            if (!(e.getCause() instanceof SQLException failure && DUPLICATE_TABLE.equals(failure.getSQLState()))) {
                throw e;
            }
        }
    }

    private static Void execute(Connection connection, String sql) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute(sql);
        }
        return null;
    }
}
