package dev.gateway.runtime.consumer;

import dev.gateway.events.EventEnvelope;
import dev.gateway.events.EventType;
import dev.gateway.events.Stream;
import dev.gateway.runtime.EventRuntime;
import dev.gateway.runtime.stream.StreamKeeper;
import dev.gateway.runtime.stream.StreamSettings;
import dev.gateway.runtime.support.Await;
import dev.gateway.runtime.support.Events;
import dev.gateway.runtime.support.PrivateNats;
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

import java.nio.charset.StandardCharsets;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The consumer against a real nats-server of the test's own (so it may wipe it). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DurableConsumerIT {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private PrivateNats nats;
    private final List<AutoCloseable> opened = new ArrayList<>();

    @BeforeAll
    void startBroker() throws Exception {
        nats = PrivateNats.start();
    }

    @AfterAll
    void stopBroker() throws Exception {
        nats.close();
    }

    @AfterEach
    void closeRuntimes() throws Exception {
        Collections.reverse(opened);
        for (AutoCloseable c : opened) {
            c.close();
        }
        opened.clear();
    }

    @Test
    void shouldKeepEachTenantsOrderWhileTenantsRunInParallel() throws Exception {
        Map<String, List<Long>> seen = new ConcurrentHashMap<>();
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        String service = service();
        runtime(spec(service, event -> {
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            Thread.sleep(15);
            seen.computeIfAbsent(event.tenant(), t -> new CopyOnWriteArrayList<>()).add(event.revision());
            running.decrementAndGet();
            return Outcome.APPLIED;
        }), settings(service));
        Connection publisher = connection();
        for (long revision = 1; revision <= 10; revision++) {
            for (String tenant : List.of("ta", "tb", "tc", "td")) {
                Events.publish(publisher.jetStream(), Events.event(EventType.TENANT_UPDATED, tenant + service, revision));
            }
        }
        Await.until(WAIT, "40 events handled", () -> seen.values().stream().mapToInt(List::size).sum() == 40);
        for (List<Long> revisions : seen.values()) {
            assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L), revisions);
        }
        assertTrue(mostAtOnce.get() > 1, "tenants ran in parallel, most at once: " + mostAtOnce.get());
    }

    @Test
    void shouldRetryAFailingEventWithBackoffAndThenApplyIt() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        List<String> applied = new CopyOnWriteArrayList<>();
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        String service = service();
        EventRuntime runtime = runtime(spec(service, event -> {
            if (attempts.incrementAndGet() < 3) {
                throw new IllegalStateException("database briefly away");
            }
            applied.add(event.id());
            return Outcome.APPLIED;
        }), settings(service), meters);
        EventEnvelope event = Events.event(EventType.TENANT_UPDATED, "retry" + service, 1);
        Events.publish(connection().jetStream(), event);

        Await.until(WAIT, "applied after two failures", () -> applied.size() == 1);
        assertEquals(List.of(event.id()), applied);
        assertEquals(3, attempts.get());
        String durable = Stream.TENANTS.durable(service, 1);
        assertEquals(2.0, meters.get("events.consumer.redeliveries").tag("durable", durable).counter().count());
        assertEquals(2.0, meters.get("events.consumer.retries").tag("durable", durable).tag("cause", "failure")
                .counter().count());
        assertEquals(1.0, meters.get("events.consumer.handled").tag("durable", durable).tag("outcome", "applied")
                .counter().count());
        assertTrue(runtime.health(true).up());
    }

    @Test
    void shouldDeadLetterAfterTheLastDeliveryWithTheReasonAndGoOn() throws Exception {
        String service = service();
        String durable = Stream.TENANTS.durable(service, 1);
        JetStreamSubscription deadLetters = deadLetterWatch(durable);
        List<Long> applied = new CopyOnWriteArrayList<>();
        runtime(spec(service, event -> {
            if (event.revision() == 1) {
                throw new IllegalStateException("always\nbroken");
            }
            applied.add(event.revision());
            return Outcome.APPLIED;
        }), settings(service).withMaxDeliver(3));
        Connection publisher = connection();
        Events.publish(publisher.jetStream(), Events.event(EventType.TENANT_UPDATED, "poison" + service, 1));
        Events.publish(publisher.jetStream(), Events.event(EventType.TENANT_UPDATED, "poison" + service, 2));

        Message parked = deadLetters.nextMessage(WAIT);
        assertNotNull(parked, "dead letter");
        assertEquals("gave up after 3 deliveries: java.lang.IllegalStateException: always broken",
                parked.getHeaders().getFirst("Gateway-Dead-Letter-Reason"));
        assertEquals("tenant.updated", parked.getHeaders().getFirst("Gateway-Original-Subject"));
        assertEquals("3", parked.getHeaders().getFirst("Gateway-Deliveries"));
        Await.until(WAIT, "the next event applied", () -> applied.equals(List.of(2L)));
    }

    @Test
    void shouldRetryThroughAnOutageLongerThanTheDeliveryLimitWithoutDeadLettering() throws Exception {
        String service = service();
        JetStreamSubscription deadLetters = deadLetterWatch(Stream.TENANTS.durable(service, 1));
        AtomicInteger attempts = new AtomicInteger();
        List<Long> applied = new CopyOnWriteArrayList<>();
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        runtime(spec(service, event -> {
            int attempt = attempts.incrementAndGet();
            if (attempt <= 6) {
                throw new IllegalStateException("platform database",
                        new SQLTransientConnectionException("Connection is not available, request timed out"));
            }
            if (attempt == 7) {
                throw new IllegalStateException("a real failure after the outage");
            }
            applied.add(event.revision());
            return Outcome.APPLIED;
        }), settings(service).withMaxDeliver(2), meters);
        Events.publish(connection().jetStream(), Events.event(EventType.TENANT_UPDATED, "outage" + service, 1));

        Await.until(WAIT, "applied once the database is back", () -> applied.equals(List.of(1L)));
        assertEquals(8, attempts.get());
        assertEquals(null, deadLetters.nextMessage(Duration.ofMillis(300)), "an outage uses up no deliveries");
        String durable = Stream.TENANTS.durable(service, 1);
        assertEquals(1.0, meters.get("events.consumer.redeliveries").tag("durable", durable).counter().count());
        assertEquals(6.0, meters.get("events.consumer.retries").tag("durable", durable)
                .tag("cause", "dependency-unavailable").counter().count());
    }

    @Test
    void shouldDeadLetterAMalformedEventAtOnceWithoutCallingTheHandler() throws Exception {
        String service = service();
        JetStreamSubscription deadLetters = deadLetterWatch(Stream.TENANTS.durable(service, 1));
        AtomicInteger calls = new AtomicInteger();
        runtime(spec(service, event -> {
            calls.incrementAndGet();
            return Outcome.APPLIED;
        }), settings(service));
        connection().jetStream().publish("tenant.updated", "{\"not\":\"an envelope\"".getBytes(StandardCharsets.UTF_8));

        Message parked = deadLetters.nextMessage(WAIT);
        assertNotNull(parked);
        assertTrue(parked.getHeaders().getFirst("Gateway-Dead-Letter-Reason").startsWith("malformed event"));
        assertEquals("1", parked.getHeaders().getFirst("Gateway-Deliveries"));
        assertEquals(0, calls.get());
    }

    @Test
    void shouldAcknowledgeOtherTypesAndTenantsWithoutCallingTheHandler() throws Exception {
        String service = service();
        List<String> handled = new CopyOnWriteArrayList<>();
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        ConsumerSettings onlyMine = settings(Pattern.compile("mine" + service));
        runtime(spec(service, event -> {
            handled.add(event.type() + "/" + event.tenant());
            return Outcome.APPLIED;
        }), onlyMine, meters);
        Connection publisher = connection();
        Events.publish(publisher.jetStream(), Events.event(EventType.TENANT_READY, "mine" + service, 1));
        Events.publish(publisher.jetStream(), Events.event(EventType.TENANT_UPDATED, "other" + service, 1));
        Events.publish(publisher.jetStream(), Events.event(EventType.TENANT_UPDATED, "mine" + service, 2));

        Await.until(WAIT, "the wanted event", () -> handled.size() == 1);
        String durable = Stream.TENANTS.durable(service, 1);
        Await.until(WAIT, "two ignored", () -> meters.get("events.consumer.handled").tag("durable", durable)
                .tag("outcome", "ignored").counter().count() >= 2.0);
        assertEquals(List.of("tenant.updated/mine" + service), handled);
    }

    @Test
    void shouldStartANewDurableAtTheEventsPublishedBeforeIt() throws Exception {
        String service = service();
        Connection publisher = connection();
        Events.publish(publisher.jetStream(), Events.event(EventType.TENANT_UPDATED, "early" + service, 1));
        List<Long> handled = new CopyOnWriteArrayList<>();
        runtime(spec(service, event -> {
            handled.add(event.revision());
            return Outcome.APPLIED;
        }), settings(service));
        Await.until(WAIT, "the backlog", () -> handled.equals(List.of(1L)));
    }

    @Test
    void shouldSplitWorkBetweenTwoInstancesAndHandleEachEventOnce() throws Exception {
        String service = service();
        Map<String, Integer> handledBy = new ConcurrentHashMap<>();
        Set<Integer> instances = ConcurrentHashMap.newKeySet();
        for (int instance = 1; instance <= 2; instance++) {
            int me = instance;
            runtime(spec(service, event -> {
                handledBy.merge(event.id(), 1, Integer::sum);
                instances.add(me);
                Thread.sleep(2);
                return Outcome.APPLIED;
            }), settings(service));
        }
        Connection publisher = connection();
        for (int i = 0; i < 200; i++) {
            Events.publish(publisher.jetStream(), Events.event(EventType.TENANT_UPDATED, "split" + (i % 20) + service, i));
        }
        Await.until(WAIT, "200 handled", () -> handledBy.size() == 200);
        Thread.sleep(500);
        assertTrue(handledBy.values().stream().allMatch(n -> n == 1), "each event once: " + handledBy);
        assertEquals(Set.of(1, 2), instances);
    }

    @Test
    void shouldKeepALongRunningEventFromBeingRedelivered() throws Exception {
        String service = service();
        AtomicInteger calls = new AtomicInteger();
        runtime(spec(service, event -> {
            calls.incrementAndGet();
            Thread.sleep(2500);
            return Outcome.APPLIED;
        }), settings(service).withAckWait(Duration.ofSeconds(1)));
        Events.publish(connection().jetStream(), Events.event(EventType.TENANT_UPDATED, "slow" + service, 1));
        Await.until(WAIT, "started", () -> calls.get() == 1);
        Thread.sleep(3500);
        assertEquals(1, calls.get());
    }

    @Test
    void shouldDeclareStreamsAndDurableAgainWhenTheBrokerLostItsStore() throws Exception {
        String service = service();
        List<Long> handled = new CopyOnWriteArrayList<>();
        List<Set<Stream>> resets = new CopyOnWriteArrayList<>();
        EventRuntime runtime = runtime(spec(service, event -> {
            handled.add(event.revision());
            return Outcome.APPLIED;
        }), settings(service));
        runtime.onBrokerReset(resets::add);
        Connection publisher = connection();
        Events.publish(publisher.jetStream(), Events.event(EventType.TENANT_UPDATED, "wipe" + service, 1));
        Await.until(WAIT, "first event", () -> handled.size() == 1);

        nats.restartEmpty();
        Await.until(WAIT, "streams re-declared", () -> resets.stream().anyMatch(s -> s.contains(Stream.TENANTS)));
        EventEnvelope afterWipe = Events.event(EventType.TENANT_UPDATED, "wipe" + service, 2);
        Events.publish(publisher.jetStream(), afterWipe);

        Await.until(WAIT, "event published after the wipe", () -> handled.equals(List.of(1L, 2L)));
        Await.until(WAIT, "ready again", () -> runtime.health(true).up());
    }

    @Test
    void shouldGiveAClientThatGetsNoAnswerAFreshConnectionAndRecover() throws Exception {
        String service = service();
        List<Long> handled = new CopyOnWriteArrayList<>();
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        EventRuntime runtime = runtime(spec(service, event -> {
            handled.add(event.revision());
            return Outcome.APPLIED;
        }), settings(service), meters);
        nats.stop();
        try {
            Await.until(WAIT, "a forced reconnect after 15 checks without an answer",
                    () -> meters.get("events.broker.forced.reconnects").counter().count() >= 1);
        } finally {
            nats.startServer();
        }
        Events.publish(connection().jetStream(), Events.event(EventType.TENANT_UPDATED, "silent" + service, 1));
        Await.until(WAIT, "consuming again", () -> handled.equals(List.of(1L)));
        Await.until(WAIT, "ready again", () -> runtime.health(true).up());
    }

    @Test
    void shouldHandAWaitingBacklogToABatchHandlerInBatchesInEachTenantsOrder() throws Exception {
        String service = service();
        Connection publisher = connection();
        for (long revision = 1; revision <= 100; revision++) {
            for (String tenant : List.of("ba", "bb", "bc")) {
                Events.publish(publisher.jetStream(), Events.event(EventType.TENANT_UPDATED, tenant + service, revision));
            }
        }
        Map<String, List<Long>> seen = new ConcurrentHashMap<>();
        List<Integer> batchSizes = new CopyOnWriteArrayList<>();
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        EventRuntime runtime = runtime(batchSpec(service, 50, events -> {
            batchSizes.add(events.size());
            Thread.sleep(20);
            events.forEach(e -> seen.computeIfAbsent(e.tenant(), t -> new CopyOnWriteArrayList<>()).add(e.revision()));
            return events.stream().map(e -> Outcome.APPLIED).toList();
        }), settings(service), meters);

        Await.until(WAIT, "300 events handled", () -> seen.values().stream().mapToInt(List::size).sum() == 300);
        List<Long> inOrder = java.util.stream.LongStream.rangeClosed(1, 100).boxed().toList();
        seen.values().forEach(revisions -> assertEquals(inOrder, revisions));
        assertTrue(batchSizes.stream().anyMatch(n -> n > 1), "batches: " + batchSizes);
        assertTrue(batchSizes.stream().allMatch(n -> n <= 50), "batches: " + batchSizes);
        String durable = Stream.TENANTS.durable(service, 1);
        Await.until(WAIT, "each event acknowledged once", () -> meters.get("events.consumer.handled")
                .tag("durable", durable).tag("outcome", "applied").counter().count() == 300.0);
        Await.until(WAIT, "nothing pending", () -> {
            runtime.consumers().get(0).check();
            return meters.get("events.consumer.ack.pending").tag("durable", durable).gauge().value() == 0.0;
        });
    }

    @Test
    void shouldDeadLetterOnlyTheMalformedEventOfAFailedBatch() throws Exception {
        String service = service();
        String durable = Stream.TENANTS.durable(service, 1);
        JetStreamSubscription deadLetters = deadLetterWatch(durable);
        Connection publisher = connection();
        for (long revision = 1; revision <= 20; revision++) {
            Events.publish(publisher.jetStream(), Events.event(EventType.TENANT_UPDATED, "bad" + service, revision));
        }
        Map<Long, Integer> applied = new ConcurrentHashMap<>();
        List<Integer> batchSizes = new CopyOnWriteArrayList<>();
        runtime(batchSpec(service, 20, events -> {
            batchSizes.add(events.size());
            Thread.sleep(30);
            if (events.stream().anyMatch(e -> e.revision() == 7)) {
                throw new dev.gateway.events.MalformedEventException("revision 7 has no usable data");
            }
            events.forEach(e -> applied.merge(e.revision(), 1, Integer::sum));
            return events.stream().map(e -> Outcome.APPLIED).toList();
        }), settings(service));

        Message parked = deadLetters.nextMessage(WAIT);
        assertNotNull(parked, "dead letter");
        assertEquals("revision 7 has no usable data", parked.getHeaders().getFirst("Gateway-Dead-Letter-Reason"));
        Await.until(WAIT, "the 19 others applied", () -> applied.size() == 19);
        assertTrue(applied.values().stream().allMatch(n -> n == 1), "each once: " + applied);
        assertTrue(!applied.containsKey(7L));
        assertTrue(batchSizes.stream().anyMatch(n -> n > 1), "batches: " + batchSizes);
        assertEquals(null, deadLetters.nextMessage(Duration.ofMillis(300)), "one dead letter only");
    }

    @Test
    void shouldRetryABatchThatMeetsAnOutageWholeWithoutUsingUpDeliveries() throws Exception {
        String service = service();
        JetStreamSubscription deadLetters = deadLetterWatch(Stream.TENANTS.durable(service, 1));
        Connection publisher = connection();
        for (long revision = 1; revision <= 10; revision++) {
            Events.publish(publisher.jetStream(), Events.event(EventType.TENANT_UPDATED, "down" + service, revision));
        }
        AtomicInteger calls = new AtomicInteger();
        Map<Long, Integer> applied = new ConcurrentHashMap<>();
        runtime(batchSpec(service, 10, events -> {
            if (calls.incrementAndGet() <= 4) {
                throw new IllegalStateException("platform database",
                        new SQLTransientConnectionException("Connection is not available, request timed out"));
            }
            events.forEach(e -> applied.merge(e.revision(), 1, Integer::sum));
            return events.stream().map(e -> Outcome.APPLIED).toList();
        }), settings(service).withMaxDeliver(2));

        Await.until(WAIT, "all applied once the database is back", () -> applied.size() == 10);
        assertTrue(applied.values().stream().allMatch(n -> n == 1), "each once: " + applied);
        assertEquals(null, deadLetters.nextMessage(Duration.ofMillis(300)), "an outage uses up no deliveries");
    }

    @Test
    void shouldRefuseABatchSizeForAHandlerThatTakesOneEventAtATime() {
        EventHandler single = event -> Outcome.APPLIED;
        assertThrows(IllegalArgumentException.class, () -> spec(service(), single).withBatchSize(10));
    }

    private static ConsumerSpec batchSpec(String service, int size, BatchEventHandler handler) {
        return ConsumerSpec.of(service, Stream.TENANTS, "tenant.>", handler, EventType.TENANT_UPDATED)
                .withBatchSize(size);
    }

    private static ConsumerSpec spec(String service, EventHandler handler) {
        return ConsumerSpec.of(service, Stream.TENANTS, "tenant.>", handler, EventType.TENANT_UPDATED);
    }

    /** Every test's tenants end with its service name: one private broker, no test sees another's events. */
    private static ConsumerSettings settings(String service) {
        return settings(Pattern.compile(".*" + service));
    }

    private static ConsumerSettings settings(Pattern tenants) {
        return new ConsumerSettings(4, 1000, Duration.ofSeconds(2), 5,
                new Backoff(Duration.ofMillis(50), Duration.ofMillis(200), 0.2), Duration.ofMillis(200),
                ConsumerSettings.Start.ALL, "", tenants, Duration.ofSeconds(2));
    }

    private EventRuntime runtime(ConsumerSpec spec, ConsumerSettings settings) throws Exception {
        return runtime(spec, settings, new SimpleMeterRegistry());
    }

    private EventRuntime runtime(ConsumerSpec spec, ConsumerSettings settings, SimpleMeterRegistry meters)
            throws Exception {
        Connection connection = connection();
        EventRuntime runtime = new EventRuntime(connection, StreamSettings.defaults(), settings, meters);
        runtime.publishesTo(EnumSet.of(Stream.TENANTS));
        runtime.consume(spec);
        runtime.start();
        opened.add(runtime);
        return runtime;
    }

    private Connection connection() throws Exception {
        Connection connection = nats.connect();
        opened.add(connection::close);
        return connection;
    }

    private JetStreamSubscription deadLetterWatch(String durable) throws Exception {
        Connection watcher = connection();
        StreamKeeper keeper = new StreamKeeper(watcher, StreamSettings.defaults());
        keeper.require(EnumSet.of(Stream.DEADLETTER, Stream.TENANTS));
        keeper.declare();
        return watcher.jetStream().subscribe(Stream.deadLetterSubject(durable), PushSubscribeOptions.builder()
                .ordered(true).configuration(ConsumerConfiguration.builder().deliverPolicy(DeliverPolicy.All).build())
                .build());
    }

    private static String service() {
        return "it" + UUID.randomUUID().toString().substring(0, 6);
    }
}
