package dev.gateway.events;

import io.nats.client.Connection;
import io.nats.client.JetStreamManagement;
import io.nats.client.Nats;
import io.nats.client.PublishOptions;
import io.nats.client.api.PublishAck;
import io.nats.client.api.StreamConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Against the real NATS server (GATEWAY_NATS_URL, default the local one). */
class StreamDeclarationsIT {

    private static Connection connection;
    private static JetStreamManagement management;

    @BeforeAll
    static void connect() throws Exception {
        connection = Nats.connect(System.getenv().getOrDefault("GATEWAY_NATS_URL", "nats://127.0.0.1:4222"));
        management = connection.jetStreamManagement();
    }

    @AfterAll
    static void close() throws InterruptedException {
        connection.close();
    }

    @Test
    void shouldDeclareEveryStreamUnderItsUpperCaseNameWithItsSubjects() throws Exception {
        StreamDeclarations.declareAll(connection);

        for (Stream stream : Stream.values()) {
            StreamConfiguration declared = management.getStreamInfo(stream.name()).getConfiguration();
            assertEquals(stream.subjects(), declared.getSubjects());
            assertEquals(StreamDeclarations.DUPLICATE_WINDOW, declared.getDuplicateWindow());
        }
    }

    @Test
    void shouldConvergeWhenServicesDeclareAtTheSameTime() throws Exception {
        ExecutorService services = Executors.newFixedThreadPool(4);
        try {
            List<CompletableFuture<Void>> declarations = List.of(1, 2, 3, 4).stream()
                    .map(i -> CompletableFuture.runAsync(() -> {
                        try {
                            StreamDeclarations.declareAll(connection);
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
        StreamDeclarations.declareAll(connection);
        EventEnvelope event = EventEnvelope.of(EventType.ROUTE_REMOVED, "contract-it", 1, null,
                new RouteChange("tenant-contract-it", null, List.of()));
        PublishOptions options = PublishOptions.builder().messageId(event.id()).build();

        PublishAck first = connection.jetStream().publish(event.type(), EventCodec.encode(event), options);
        PublishAck second = connection.jetStream().publish(event.type(), EventCodec.encode(event), options);

        assertEquals("ROUTES", first.getStream());
        assertTrue(second.isDuplicate());
        assertEquals(first.getSeqno(), second.getSeqno());
    }
}
