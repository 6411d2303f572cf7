package dev.gateway.runtime.outbox;

import com.zaxxer.hikari.HikariDataSource;
import dev.gateway.events.EventCodec;
import dev.gateway.events.EventEnvelope;
import dev.gateway.events.EventType;
import dev.gateway.events.Stream;
import dev.gateway.runtime.consumer.Backoff;
import dev.gateway.runtime.publish.EventPublisher;
import dev.gateway.runtime.publish.JetStreamPublisher;
import dev.gateway.runtime.stream.StreamKeeper;
import dev.gateway.runtime.stream.StreamSettings;
import dev.gateway.runtime.support.Await;
import dev.gateway.runtime.support.Events;
import dev.gateway.runtime.support.PrivateNats;
import dev.gateway.runtime.support.TestDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.nats.client.Connection;
import io.nats.client.JetStreamSubscription;
import io.nats.client.Message;
import io.nats.client.PushSubscribeOptions;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.DeliverPolicy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The relay against the machine's PostgreSQL and a nats-server of the test's own. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutboxRelayIT {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private PrivateNats nats;
    private Connection connection;
    private HikariDataSource db;
    private final ScheduledExecutorService scheduler = new ScheduledThreadPoolExecutor(1);
    private final List<OutboxRelay> relays = new ArrayList<>();

    @BeforeAll
    void start() throws Exception {
        nats = PrivateNats.start();
        connection = nats.connect();
        StreamKeeper keeper = new StreamKeeper(connection, StreamSettings.defaults());
        keeper.require(EnumSet.of(Stream.TENANTS));
        keeper.declare();
        db = TestDatabase.dataSource();
    }

    @AfterAll
    void stop() throws Exception {
        scheduler.shutdownNow();
        db.close();
        connection.close();
        nats.close();
    }

    @AfterEach
    void closeRelays() throws InterruptedException {
        for (OutboxRelay relay : relays) {
            relay.close();
        }
        relays.clear();
    }

    @Test
    void shouldPublishCommittedRowsOnTheCommitNotificationInEachTenantsOrder() throws Exception {
        OutboxTable table = table(TestDatabase.outboxSchema(db));
        // a poll interval far beyond the deadline: only the commit notification can wake the relay in time
        start(relay(table, jetStream(), settings(Duration.ofMinutes(5))));
        JetStreamSubscription watch = watch();
        String a = tenant("a", table);
        String b = tenant("b", table);
        List<EventEnvelope> written = new ArrayList<>();
        for (long revision = 1; revision <= 3; revision++) {
            for (String tenant : List.of(a, b)) {
                EventEnvelope event = Events.event(EventType.TENANT_UPDATED, tenant, revision);
                append(table, event);
                written.add(event);
            }
        }
        Map<String, List<Long>> received = receive(watch, List.of(a, b), 6);
        assertEquals(List.of(1L, 2L, 3L), received.get(a));
        assertEquals(List.of(1L, 2L, 3L), received.get(b));
        Await.until(WAIT, "rows marked published", () -> unpublished(table) == 0);
        assertEquals(written.size(), count(table, "published_at IS NOT NULL"));
    }

    @Test
    void shouldRetryWithBackoffWhileThePublisherFailsAndLoseNothing() throws Exception {
        OutboxTable table = table(TestDatabase.outboxSchema(db));
        AtomicBoolean failing = new AtomicBoolean(true);
        EventPublisher real = jetStream();
        EventPublisher flaky = (subject, id, payload) -> failing.get()
                ? CompletableFuture.failedFuture(new IOException("simulated: broker unreachable"))
                : real.publish(subject, id, payload);
        start(relay(table, flaky, settings(Duration.ofMillis(100))));
        JetStreamSubscription watch = watch();
        String tenant = tenant("r", table);
        for (long revision = 1; revision <= 4; revision++) {
            append(table, Events.event(EventType.TENANT_UPDATED, tenant, revision));
        }
        Await.until(WAIT, "failed attempts recorded", () -> count(table,
                "attempts >= 2 AND last_error LIKE '%broker unreachable%'") == 1);
        assertEquals(4, unpublished(table), "a tenant's later rows wait behind its failing one");

        failing.set(false);
        assertEquals(List.of(1L, 2L, 3L, 4L), receive(watch, List.of(tenant), 4).get(tenant));
        Await.until(WAIT, "all published", () -> unpublished(table) == 0);
    }

    @Test
    void shouldPublishEachRowOnceWithTwoRelaysAndHandOverWhenOneStops() throws Exception {
        OutboxTable table = table(TestDatabase.outboxSchema(db));
        OutboxRelay first = relay(table, jetStream(), settings(Duration.ofMillis(200)));
        OutboxRelay second = relay(table, jetStream(), settings(Duration.ofMillis(200)));
        start(first);
        start(second);
        JetStreamSubscription watch = watch();
        List<String> tenants = List.of(tenant("x", table), tenant("y", table), tenant("z", table));
        for (long revision = 1; revision <= 20; revision++) {
            for (String tenant : tenants) {
                append(table, Events.event(EventType.TENANT_UPDATED, tenant, revision));
            }
        }
        Map<String, List<Long>> received = receive(watch, tenants, 60);
        for (String tenant : tenants) {
            assertEquals(20, received.get(tenant).size(), tenant + ": " + received.get(tenant));
            assertEquals(received.get(tenant).stream().sorted().toList(), received.get(tenant));
        }
        first.close();
        String late = tenant("late", table);
        append(table, Events.event(EventType.TENANT_UPDATED, late, 1));
        assertEquals(List.of(1L), receive(watch, List.of(late), 1).get(late));
        assertTrue(watch.nextMessage(Duration.ofMillis(500)) == null, "nothing published twice");
    }

    @Test
    void shouldDrainOnTheCallersThread() throws Exception {
        OutboxTable table = table(TestDatabase.outboxSchema(db));
        OutboxRelay relay = relay(table, jetStream(), settings(Duration.ofSeconds(1)));
        String tenant = tenant("d", table);
        append(table, Events.event(EventType.TENANT_UPDATED, tenant, 1));
        append(table, Events.event(EventType.TENANT_UPDATED, tenant, 2));
        assertEquals(0, relay.drain(WAIT));
        assertEquals(0, unpublished(table));
    }

    @Test
    void shouldDeleteExpiredPublishedRowsButKeepRetainedAndUnpublishedOnes() throws Exception {
        String schema = TestDatabase.outboxSchema(db);
        OutboxTable table = new OutboxTable(schema + ".outbox", schema + "_outbox", 42, Duration.ofMillis(1),
                "o.tenant = 'keep-" + schema + "'");
        String keep = "keep-" + schema;
        append(table, Events.event(EventType.TENANT_UPDATED, keep, 1));
        append(table, Events.event(EventType.TENANT_UPDATED, "gone-" + schema, 1));
        append(table, Events.event(EventType.TENANT_UPDATED, "waiting-" + schema, 1));
        execute("UPDATE " + table.name() + " SET published_at = now() - interval '1 minute'"
                + " WHERE tenant <> 'waiting-" + schema + "'");
        OutboxRelay relay = relay(table, jetStream(), settings(Duration.ofSeconds(1)));

        assertEquals(1, relay.deleteExpired());
        assertEquals(2, count(table, "true"));
        assertEquals(1, count(table, "tenant = '" + keep + "'"));
        assertEquals(1, unpublished(table));
    }

    private OutboxRelay relay(OutboxTable table, EventPublisher publisher, RelaySettings settings) {
        OutboxRelay relay = new OutboxRelay(table, db, publisher, settings, new SimpleMeterRegistry());
        relays.add(relay);
        return relay;
    }

    private void start(OutboxRelay relay) {
        relay.start(scheduler);
    }

    private static RelaySettings settings(Duration poll) {
        return new RelaySettings(poll, 100, new Backoff(Duration.ofMillis(50), Duration.ofMillis(200), 0),
                Duration.ofSeconds(2), Duration.ofHours(1));
    }

    private static OutboxTable table(String schema) {
        return OutboxTable.of(schema + ".outbox", Duration.ofDays(1));
    }

    private EventPublisher jetStream() throws IOException {
        return new JetStreamPublisher(connection);
    }

    private JetStreamSubscription watch() throws Exception {
        return connection.jetStream().subscribe("tenant.>", PushSubscribeOptions.builder().ordered(true)
                .configuration(ConsumerConfiguration.builder().deliverPolicy(DeliverPolicy.New).build()).build());
    }

    /** Events of the given tenants in arrival order, as revision lists; checks Nats-Msg-Id = envelope id. */
    private static Map<String, List<Long>> receive(JetStreamSubscription watch, List<String> tenants, int expected)
            throws InterruptedException {
        Map<String, List<Long>> received = new HashMap<>();
        tenants.forEach(t -> received.put(t, new ArrayList<>()));
        int got = 0;
        long deadline = System.currentTimeMillis() + WAIT.toMillis();
        while (got < expected && System.currentTimeMillis() < deadline) {
            Message message = watch.nextMessage(Duration.ofMillis(200));
            if (message == null) {
                continue;
            }
            EventEnvelope event = EventCodec.decode(message.getData());
            assertEquals(event.id(), message.getHeaders().getFirst("Nats-Msg-Id"));
            if (received.containsKey(event.tenant())) {
                received.get(event.tenant()).add(event.revision());
                got++;
            }
        }
        assertEquals(expected, got, "events received: " + received);
        return received;
    }

    private static String tenant(String prefix, OutboxTable table) {
        return prefix + "-" + table.channel();
    }

    private void append(OutboxTable table, EventEnvelope event) throws SQLException {
        try (var c = db.getConnection()) {
            c.setAutoCommit(false);
            table.append(c, event);
            c.commit();
        }
    }

    private void execute(String sql) throws SQLException {
        try (var c = db.getConnection(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private long unpublished(OutboxTable table) {
        return count(table, "published_at IS NULL");
    }

    private long count(OutboxTable table, String where) {
        try (var c = db.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM " + table.name() + " WHERE " + where)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
