package dev.gateway.runtime;

import dev.gateway.events.Stream;
import dev.gateway.runtime.consumer.ConsumerSettings;
import dev.gateway.runtime.consumer.ConsumerSpec;
import dev.gateway.runtime.consumer.DurableConsumer;
import dev.gateway.runtime.health.ComponentHealth;
import dev.gateway.runtime.outbox.OutboxRelay;
import dev.gateway.runtime.outbox.OutboxTable;
import dev.gateway.runtime.outbox.RelaySettings;
import dev.gateway.runtime.publish.EventPublisher;
import dev.gateway.runtime.stream.StreamKeeper;
import dev.gateway.runtime.stream.StreamSettings;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.nats.client.Connection;
import io.nats.client.ConnectionListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * How events travel for one service: the streams it needs, its durable consumers and its outbox relays, on
 * one NATS connection. A service declares what it consumes ({@link #consume}) and which outbox it relays
 * ({@link #relay}), then {@link #start()}s; the runtime keeps streams and durables declared across broker
 * restarts, tells listeners when the broker lost streams ({@link #onBrokerReset}), and reports health.
 */
public final class EventRuntime implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EventRuntime.class);
    /**
     * A client that has had no answer for this many checks (30 s by default) gets a fresh connection: a safety net
     * for a client wedged after a server restart, since a restart of the service is exactly what this runtime
     * promises not to need. (The wedge seen so far, a reconnect starved of client threads, is prevented at its
     * cause by the Micronaut binding's NATS client threads.)
     */
    private static final int SILENT_CHECKS_BEFORE_RECONNECT = 15;

    private final Connection connection;
    private final StreamKeeper streams;
    private final ConsumerSettings consumerSettings;
    private final MeterRegistry meters;
    private final ScheduledExecutorService scheduler;
    private final List<DurableConsumer> consumers = new CopyOnWriteArrayList<>();
    private final List<OutboxRelay> relays = new CopyOnWriteArrayList<>();
    private final Duration silenceBeforeReconnect;
    private final Counter forcedReconnects;
    private volatile Instant lastForcedReconnect = Instant.EPOCH;
    private final ConnectionListener reconnects = (conn, event) -> {
        if (event == ConnectionListener.Events.RECONNECTED || event == ConnectionListener.Events.RESUBSCRIBED) {
            checkSoon();
        }
    };

    public EventRuntime(Connection connection, StreamSettings streamSettings, ConsumerSettings consumerSettings,
                        MeterRegistry meters) {
        this.connection = connection;
        this.streams = new StreamKeeper(connection, streamSettings);
        this.consumerSettings = consumerSettings;
        this.meters = meters;
        this.silenceBeforeReconnect = consumerSettings.checkInterval().multipliedBy(SILENT_CHECKS_BEFORE_RECONNECT);
        this.forcedReconnects = Counter.builder("events.broker.forced.reconnects")
                .description("fresh connections after the broker gave no answer for a while").register(meters);
        this.scheduler = Executors.newScheduledThreadPool(2, r -> {
            Thread thread = new Thread(r, "event-runtime");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Streams this service publishes to; declared at start and after a broker reset. */
    public void publishesTo(Set<Stream> published) {
        streams.require(published);
    }

    /** A durable consumer, subscribed at {@link #start()}. */
    public DurableConsumer consume(ConsumerSpec spec) {
        try {
            streams.require(EnumSet.of(spec.stream(), Stream.DEADLETTER));
            DurableConsumer consumer = new DurableConsumer(connection, streams, spec, consumerSettings, meters, scheduler);
            consumers.add(consumer);
            return consumer;
        } catch (IOException e) {
            throw new IllegalStateException("JetStream is not available on this connection: " + e.getMessage(), e);
        }
    }

    /** The relay of one outbox table, running from {@link #start()}. */
    public OutboxRelay relay(OutboxTable table, DataSource dataSource, EventPublisher publisher, RelaySettings settings) {
        OutboxRelay relay = new OutboxRelay(table, dataSource, publisher, settings, meters);
        relays.add(relay);
        return relay;
    }

    /** The durable consumers, in the order they were added. */
    public List<DurableConsumer> consumers() {
        return List.copyOf(consumers);
    }

    /** The outbox relays, in the order they were added. */
    public List<OutboxRelay> relays() {
        return List.copyOf(relays);
    }

    /** Told (on a runtime thread) which streams the broker had lost and the runtime declared again. */
    public void onBrokerReset(Consumer<Set<Stream>> listener) {
        streams.onRecreated(recreated -> scheduler.execute(() -> listener.accept(recreated)));
    }

    /**
     * Declares the streams, subscribes every consumer, starts every relay. A broker that cannot be reached now
     * is retried by the periodic checks; the service starts anyway and its outbox keeps what it writes.
     */
    public void start() {
        try {
            streams.declare();
        } catch (Exception e) {
            LOG.warn("streams not declared yet, retrying in the background: {}", e.getMessage());
        }
        for (DurableConsumer consumer : consumers) {
            try {
                consumer.start();
            } catch (Exception e) {
                LOG.warn("durable {} not subscribed yet, retrying in the background: {}", consumer.durable(),
                        e.getMessage());
            }
            long every = consumer.signalInterval().toMillis();
            scheduler.scheduleWithFixedDelay(consumer::signalLongRunning, every, every, TimeUnit.MILLISECONDS);
        }
        long check = consumerSettings.checkInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::checkAll, check, check, TimeUnit.MILLISECONDS);
        relays.forEach(relay -> relay.start(scheduler));
        connection.addConnectionListener(reconnects);
    }

    /**
     * Health of events for this service. Ready means: connected, every stream and durable in place, every
     * outbox relay working. A service whose work does not arrive by events ({@code brokerRequired} false: it
     * keeps accepting changes into its outbox) stays ready while the broker is unreachable.
     */
    public ComponentHealth health(boolean brokerRequired) {
        boolean connected = connection.getStatus() == Connection.Status.CONNECTED;
        List<ComponentHealth> parts = new ArrayList<>();
        parts.add(streams.health());
        consumers.forEach(c -> parts.add(c.health()));
        relays.forEach(r -> parts.add(r.health()));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("broker", connected ? "connected" : "unreachable (" + connection.getStatus() + ")");
        boolean brokerPartsUp = true;
        boolean relaysUp = true;
        for (ComponentHealth part : parts) {
            details.put(part.name(), Map.of("up", part.up(), "details", part.details()));
            if (part.name().startsWith("outbox")) {
                relaysUp &= part.up();
            } else {
                brokerPartsUp &= part.up();
            }
        }
        boolean up = relaysUp && (connected ? brokerPartsUp : !brokerRequired);
        return new ComponentHealth("events", up, details);
    }

    /** False when a runtime thread died: only a restart helps then. */
    public boolean threadsAlive() {
        return consumers.stream().allMatch(DurableConsumer::threadsAlive)
                && relays.stream().allMatch(OutboxRelay::threadsAlive) && !scheduler.isShutdown();
    }

    public void checkSoon() {
        scheduler.execute(this::checkAll);
    }

    @Override
    public void close() throws InterruptedException {
        connection.removeConnectionListener(reconnects);
        for (DurableConsumer consumer : consumers) {
            consumer.close();
        }
        for (OutboxRelay relay : relays) {
            relay.close();
        }
        scheduler.shutdownNow();
    }

    private void checkAll() {
        streams.check();
        reconnectIfSilent();
        consumers.forEach(DurableConsumer::check);
    }

    private void reconnectIfSilent() {
        Instant now = Instant.now();
        if (streams.lastAnswer().plus(silenceBeforeReconnect).isAfter(now)
                || lastForcedReconnect.plus(silenceBeforeReconnect).isAfter(now)) {
            return;
        }
        lastForcedReconnect = now;
        forcedReconnects.increment();
        LOG.warn("no answer from the broker since {} (connection {}); reconnecting", streams.lastAnswer(),
                connection.getStatus());
        try {
            connection.forceReconnect();
        } catch (IOException | RuntimeException e) {
            LOG.warn("forced reconnect failed, the next check tries again: {}", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
