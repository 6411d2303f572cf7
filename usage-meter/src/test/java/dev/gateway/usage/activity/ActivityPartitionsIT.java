package dev.gateway.usage.activity;

import dev.gateway.usage.UsageProperties;
import dev.gateway.runtime.database.PlatformDb;
import dev.gateway.usage.support.MeterFixture;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Partitions of the activity log follow the clock: the retention's days and the days ahead exist, older ones are
 * dropped whole. The test's clock runs years ahead, so its partitions are its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ActivityPartitionsIT {

    private EmbeddedServer meter;
    private PlatformDb db;

    @BeforeAll
    void start() {
        meter = MeterFixture.start(Map.of("gateway.events.consumers-enabled", "false"));
        ApplicationContext context = meter.getApplicationContext();
        db = context.getBean(PlatformDb.class);
    }

    @AfterAll
    void stop() {
        meter.close();
    }

    @Test
    void shouldCreateTheRetentionsAndTheDaysAheadAndDropWhatFallsOutOfTheRetention() {
        UsageProperties threeDays = new UsageProperties(3, 2, Duration.ofDays(14), 500, Duration.ofSeconds(60),
                Duration.ofHours(1));
        LocalDate today = LocalDate.of(2091, 3, 10);
        ActivityPartitions partitions = new ActivityPartitions(db, threeDays, clockAt(today));
        partitions.ensure();
        assertTrue(partitions.existing().containsAll(names("20910308", "20910309", "20910310", "20910311", "20910312",
                "20910313")), partitions.existing().toString());

        ActivityPartitions twoDaysLater = new ActivityPartitions(db, threeDays, clockAt(today.plusDays(2)));
        twoDaysLater.ensure();
        List<String> dropped = twoDaysLater.dropExpired();
        assertTrue(dropped.containsAll(names("20910308", "20910309")), dropped.toString());
        List<String> kept = twoDaysLater.existing();
        assertTrue(kept.containsAll(names("20910310", "20910311", "20910312", "20910313", "20910314", "20910315")),
                kept.toString());
        assertTrue(kept.stream().noneMatch(n -> n.equals("activity_20910308") || n.equals("activity_20910309")));
        assertEquals(List.of(), twoDaysLater.dropExpired().stream().filter(n -> n.startsWith("activity_2091")).toList());
        kept.stream().filter(n -> n.startsWith("activity_2091")).forEach(n -> db.inTransaction(c -> {
            c.createStatement().execute("DROP TABLE usage." + n);
            return null;
        }));
    }

    private static List<String> names(String... days) {
        return java.util.Arrays.stream(days).map(d -> "activity_" + d).toList();
    }

    private static Clock clockAt(LocalDate day) {
        return Clock.fixed(day.atStartOfDay(ZoneOffset.UTC).toInstant().plus(Duration.ofHours(12)), ZoneOffset.UTC);
    }
}
