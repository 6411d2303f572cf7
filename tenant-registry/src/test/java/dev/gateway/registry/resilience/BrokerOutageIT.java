package dev.gateway.registry.resilience;

import dev.gateway.events.EventCodec;
import dev.gateway.events.EventEnvelope;
import dev.gateway.registry.support.Api;
import dev.gateway.registry.support.Await;
import dev.gateway.registry.support.Keys;
import dev.gateway.registry.support.RegistryFixture;
import dev.gateway.registry.support.TestDb;
import dev.gateway.runtime.support.PrivateNats;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import io.nats.client.Connection;
import io.nats.client.JetStreamSubscription;
import io.nats.client.Message;
import io.nats.client.PushSubscribeOptions;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.DeliverPolicy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The broker goes away under a running registry (a nats-server of the test's own). While it is down the registry
 * keeps creating tenants and stays ready (its outbox holds the events). When it comes back with an empty store,
 * the registry declares its streams again without a restart and re-emits the request of every tenant still
 * waiting on the provisioner at once, not after the safety net's stuck-after (an hour here).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrokerOutageIT {

    private PrivateNats nats;
    private EmbeddedServer registry;
    private HttpClient http;

    @BeforeAll
    void start() throws Exception {
        nats = PrivateNats.start();
        Map<String, Object> props = new HashMap<>(RegistryFixture.properties());
        props.put("nats.default.addresses", nats.url());
        props.put("test.publisher", "jetstream");
        registry = ApplicationContext.run(EmbeddedServer.class, props, "test");
        http = HttpClient.create(registry.getURL());
    }

    @AfterAll
    void stop() throws Exception {
        http.close();
        registry.close();
        nats.close();
    }

    @Test
    void shouldKeepAcceptingChangesAndStayReadyWhileTheBrokerIsDown() throws Exception {
        Api api = Api.admin(http);
        nats.stop();
        try {
            String key = Keys.tenantKey();
            assertEquals(202, api.send(HttpRequest.POST("/api/gateway/tenants",
                    Map.of("key", key, "company_name", "Offline"))).code());
            assertEquals(200, api.send(HttpRequest.GET("/health")).code(), "ready: the outbox keeps the events");
            assertEquals(200, api.send(HttpRequest.GET("/health/liveness")).code());
            assertEquals(1, TestDb.rows("SELECT 1 FROM registry.outbox WHERE tenant = ? AND published_at IS NULL",
                    key).size());
        } finally {
            nats.startServer();
        }
    }

    @Test
    void shouldReemitWaitingTenantsRequestsAtOnceAfterTheBrokerLostItsStore() throws Exception {
        Api api = Api.admin(http);
        String key = Keys.tenantKey();
        api.createTenant(key);
        Await.until(Duration.ofSeconds(10), "tenant.created published", () -> TestDb.rows(
                "SELECT 1 FROM registry.outbox WHERE tenant = ? AND published_at IS NOT NULL", key).size() == 1);

        nats.restartEmpty();

        try (Connection watcher = nats.connect()) {
            Await.until(Duration.ofSeconds(15), "TENANTS declared again", () -> streamExists(watcher));
            JetStreamSubscription created = watcher.jetStream().subscribe("tenant.created", PushSubscribeOptions
                    .builder().ordered(true).configuration(ConsumerConfiguration.builder()
                            .deliverPolicy(DeliverPolicy.All).build()).build());
            EventEnvelope again = null;
            long deadline = System.currentTimeMillis() + 15_000;
            while (again == null && System.currentTimeMillis() < deadline) {
                Message m = created.nextMessage(Duration.ofMillis(500));
                if (m != null && EventCodec.decode(m.getData()).tenant().equals(key)) {
                    again = EventCodec.decode(m.getData());
                }
            }
            assertTrue(again != null, "tenant.created of " + key + " re-emitted after the wipe");
            assertEquals(1, again.revision());
        }
        Await.until(Duration.ofSeconds(15), "ready again",
                () -> api.send(HttpRequest.GET("/health")).code() == 200);
    }

    private static boolean streamExists(Connection connection) {
        try {
            return connection.jetStreamManagement().getStreamNames().contains("TENANTS");
        } catch (Exception e) {
            return false;
        }
    }
}
