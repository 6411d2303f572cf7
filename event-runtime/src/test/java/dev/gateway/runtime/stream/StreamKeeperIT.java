package dev.gateway.runtime.stream;

import dev.gateway.events.EventCodec;
import dev.gateway.events.EventEnvelope;
import dev.gateway.events.EventType;
import dev.gateway.events.RouteChange;
import dev.gateway.events.Stream;
import dev.gateway.runtime.support.PrivateNats;
import io.nats.client.Connection;
import io.nats.client.JetStreamSubscription;
import io.nats.client.Message;
import io.nats.client.PullSubscribeOptions;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.RetentionPolicy;
import io.nats.client.JetStreamManagement;
import io.nats.client.PublishOptions;
import io.nats.client.api.PublishAck;
import io.nats.client.api.StreamConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Against a nats-server of the test's own. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StreamKeeperIT {

    private PrivateNats nats;
    private Connection connection;
    private JetStreamManagement management;

    @BeforeAll
    void start() throws Exception {
        nats = PrivateNats.start();
        connection = nats.connect();
        management = connection.jetStreamManagement();
    }

    @AfterAll
    void stop() throws Exception {
        connection.close();
        nats.close();
    }

    @Test
    void shouldDeclareStreamsUnderTheirUpperCaseNamesWithTheConfiguredSettings() throws Exception {
        StreamKeeper keeper = keeper(new StreamSettings(1, Duration.ofDays(3), Duration.ofDays(9), Duration.ofMinutes(1)),
                EnumSet.allOf(Stream.class));
        keeper.declare();

        for (Stream stream : Stream.values()) {
            StreamConfiguration declared = management.getStreamInfo(stream.name()).getConfiguration();
            assertEquals(stream.subjects(), declared.getSubjects());
            assertEquals(Duration.ofMinutes(1), declared.getDuplicateWindow());
            assertEquals(stream == Stream.DEADLETTER ? Duration.ofDays(9) : Duration.ofDays(3), declared.getMaxAge());
            assertEquals(stream == Stream.MAIL ? RetentionPolicy.Interest : RetentionPolicy.Limits,
                    declared.getRetentionPolicy(), stream.name());
        }
    }

    @Test
    void shouldDropAMailOnceItsDurableAcknowledgedIt() throws Exception {
        dropStream("MAIL");
        keeper(StreamSettings.defaults(), EnumSet.of(Stream.MAIL)).declare();
        management.addOrUpdateConsumer("MAIL", ConsumerConfiguration.builder().durable("mailer-it")
                .filterSubject("mail.>").ackPolicy(AckPolicy.Explicit).build());
        connection.jetStream().publish("mail.send", "{}".getBytes());
        assertEquals(1, management.getStreamInfo("MAIL").getStreamState().getMsgCount());

        JetStreamSubscription mailer = connection.jetStream().subscribe("mail.>",
                PullSubscribeOptions.builder().stream("MAIL").durable("mailer-it").bind(true).build());
        mailer.fetch(1, Duration.ofSeconds(5)).forEach(Message::ack);
        connection.flush(Duration.ofSeconds(5));

        assertEquals(0, management.getStreamInfo("MAIL").getStreamState().getMsgCount());
        mailer.unsubscribe();
    }

    @Test
    void shouldDeclareAnEmptyStreamAgainWhenItsRetentionDiffers() throws Exception {
        dropStream("MAIL");
        management.addStream(StreamConfiguration.builder().name("MAIL").subjects("mail.>").build());

        keeper(StreamSettings.defaults(), EnumSet.of(Stream.MAIL)).declare();

        assertEquals(RetentionPolicy.Interest, management.getStreamInfo("MAIL").getConfiguration().getRetentionPolicy());
    }

    @Test
    void shouldKeepAStreamWithMessagesWhoseRetentionDiffersAndSaySo() throws Exception {
        dropStream("MAIL");
        management.addStream(StreamConfiguration.builder().name("MAIL").subjects("mail.>").build());
        connection.jetStream().publish("mail.send", "{}".getBytes());
        StreamKeeper keeper = keeper(StreamSettings.defaults(), EnumSet.of(Stream.MAIL));

        keeper.check();

        assertFalse(keeper.health().up());
        assertTrue(String.valueOf(keeper.health().details().get("last_error")).contains("holds 1 messages"),
                String.valueOf(keeper.health().details()));
        assertEquals(RetentionPolicy.Limits, management.getStreamInfo("MAIL").getConfiguration().getRetentionPolicy());
        assertEquals(1, management.getStreamInfo("MAIL").getStreamState().getMsgCount());
    }

    @Test
    void shouldBringAnExistingStreamToChangedSettings() throws Exception {
        keeper(StreamSettings.defaults(), EnumSet.of(Stream.ROUTES)).declare();
        keeper(new StreamSettings(1, Duration.ofDays(2), Duration.ofDays(30), Duration.ofMinutes(2)),
                EnumSet.of(Stream.ROUTES)).declare();
        assertEquals(Duration.ofDays(2), management.getStreamInfo("ROUTES").getConfiguration().getMaxAge());
    }

    @Test
    void shouldConvergeWhenServicesDeclareAtTheSameTime() throws Exception {
        ExecutorService services = Executors.newFixedThreadPool(4);
        try {
            List<CompletableFuture<Void>> declarations = List.of(1, 2, 3, 4).stream()
                    .map(i -> CompletableFuture.runAsync(() -> {
                        try {
                            keeper(StreamSettings.defaults(), EnumSet.allOf(Stream.class)).declare();
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    }, services))
                    .toList();
            CompletableFuture.allOf(declarations.toArray(CompletableFuture[]::new)).get();
        } finally {
            services.shutdown();
        }
        assertTrue(management.getStreamNames().containsAll(List.of("TENANTS", "PROVISIONING", "ROUTES", "DEADLETTER")));
    }

    @Test
    void shouldDropADuplicatePublishOfTheSameEventId() throws Exception {
        keeper(StreamSettings.defaults(), EnumSet.of(Stream.ROUTES)).declare();
        EventEnvelope event = EventEnvelope.of(EventType.ROUTE_REMOVED, "contract-it", 1, null,
                new RouteChange("tenant-contract-it", null, List.of()));
        PublishOptions options = PublishOptions.builder().messageId(event.id()).build();

        PublishAck first = connection.jetStream().publish(event.type(), EventCodec.encode(event), options);
        PublishAck second = connection.jetStream().publish(event.type(), EventCodec.encode(event), options);

        assertEquals("ROUTES", first.getStream());
        assertTrue(second.isDuplicate());
        assertEquals(first.getSeqno(), second.getSeqno());
    }

    @Test
    void shouldDeclareADeletedStreamAgainAndSaySo() throws Exception {
        StreamKeeper keeper = keeper(StreamSettings.defaults(), EnumSet.of(Stream.PROVISIONING));
        List<Set<Stream>> recreated = new CopyOnWriteArrayList<>();
        keeper.onRecreated(recreated::add);
        keeper.declare();
        assertEquals(List.of(), recreated, "a first declaration is not a reset");

        management.deleteStream("PROVISIONING");
        keeper.check();

        assertTrue(management.getStreamNames().contains("PROVISIONING"));
        assertEquals(List.of(EnumSet.of(Stream.PROVISIONING)), recreated);
        assertTrue(keeper.health().up());
    }

    private void dropStream(String name) throws Exception {
        if (management.getStreamNames().contains(name)) {
            management.deleteStream(name);
        }
    }

    private StreamKeeper keeper(StreamSettings settings, Set<Stream> streams) {
        StreamKeeper keeper = new StreamKeeper(connection, settings);
        keeper.require(streams);
        return keeper;
    }
}
