package dev.gateway.routes.security;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.gateway.events.EventCodec;
import dev.gateway.events.EventEnvelope;
import dev.gateway.events.EventType;
import dev.gateway.events.Stream;
import dev.gateway.events.TenantDirectory;
import dev.gateway.routes.support.Tenants;
import dev.gateway.routes.support.TestEnvironment;
import dev.gateway.testing.SecuredNats;
import dev.gateway.testing.SecuredRedis;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.nats.client.Connection;
import io.nats.client.ErrorListener;
import io.nats.client.JetStreamApiException;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.PublishOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The route-publisher against a NATS and a Redis that require credentials, configured as bin/gateway and compose run
 * the platform's (deploy/): its own users are enough for all it does, they let it do nothing else, and wrong ones
 * stop it at start with one line that says what to fix.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StoreCredentialsIT {

    private SecuredNats nats;
    private SecuredRedis redis;

    @BeforeAll
    void stores() {
        nats = SecuredNats.start();
        redis = SecuredRedis.start();
    }

    @AfterAll
    void stop() {
        nats.close();
        redis.close();
    }

    @Test
    @Order(1) // its start declares the streams, as the platform's services do
    void shouldDoAllItsWorkWithItsOwnCredentialsAndTouchNothingElse() throws Exception {
        TestEnvironment env = new TestEnvironment();
        try (EmbeddedServer ignored = ApplicationContext.run(EmbeddedServer.class,
                properties(env, nats.password("route-publisher"), redis.uri("route-publisher")));
             Connection registry = connect("tenant-registry");
             RedisClient client = RedisClient.create(redis.uri("route-publisher"));
             StatefulRedisConnection<String, String> directory = client.connect()) {
            String key = env.newTenantKey();
            EventEnvelope ready = Tenants.event(EventType.TENANT_READY, Tenants.snapshot(key, "ready", 1));

            publishWhenTheStreamExists(registry, ready);

            await("the tenant's directory entry", () -> "ready".equals(
                    directory.sync().hget(TenantDirectory.key(key), TenantDirectory.STATUS)));
            await("its route.published on ROUTES", () -> routesStored() > 0);
            assertFalse(nats.logText().contains("Permissions Violation"), nats.logText());
        }
    }

    @Test
    @Order(2)
    void shouldNotLetTheRoutePublishersCredentialsPublishTenantEvents() throws Exception {
        List<String> refused = new CopyOnWriteArrayList<>();
        try (Connection routePublisher = Nats.connect(options("route-publisher", nats.password("route-publisher"))
                .errorListener(new ErrorListener() {
                    @Override
                    public void errorOccurred(Connection connection, String error) {
                        refused.add(error);
                    }
                }).build());
             Connection registry = connect("tenant-registry")) {
            EventEnvelope deleting = Tenants.event(EventType.TENANT_DELETING, Tenants.snapshot("victim", "deleting", 9));
            long before = tenantsStored(registry);

            routePublisher.publish(deleting.type(), EventCodec.encode(deleting));
            routePublisher.flush(Duration.ofSeconds(2));
            assertThrows(IOException.class, () -> routePublisher.jetStream(
                    io.nats.client.JetStreamOptions.builder().requestTimeout(Duration.ofSeconds(1)).build())
                    .publish(deleting.type(), EventCodec.encode(deleting)));

            await("the broker's refusal", () -> refused.stream().anyMatch(e -> e.contains("Permissions Violation")
                    && e.contains("tenant.deleting")));
            assertEquals(before, tenantsStored(registry), "no tenant event stored from the route-publisher's user");
            registry.jetStream().publish(deleting.type(), EventCodec.encode(deleting));
            assertEquals(before + 1, tenantsStored(registry), "the registry's user may publish it");
        }
    }

    @Test
    void shouldRefuseToStartWithAWrongNatsPasswordAndSayWhatToFix() {
        ListAppender<ILoggingEvent> errors = errorsLogged();
        TestEnvironment env = new TestEnvironment();

        RuntimeException failure = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertThrows(
                RuntimeException.class, () -> ApplicationContext.run(EmbeddedServer.class,
                        properties(env, "not-the-password", redis.uri("route-publisher")))));

        String expected = "NATS at " + nats.url() + " refused user route-publisher";
        assertTrue(messages(failure).contains(expected), messages(failure));
        assertEquals(1, errors.list.stream().filter(e -> e.getFormattedMessage().startsWith(expected)
                && e.getFormattedMessage().contains("GATEWAY_NATS_USER and GATEWAY_NATS_PASSWORD")).count(),
                "one line says it: " + errors.list);
        root().detachAppender(errors);
    }

    @Test
    void shouldRefuseToStartWithAWrongRedisPasswordAndSayWhatToFix() {
        ListAppender<ILoggingEvent> errors = errorsLogged();
        TestEnvironment env = new TestEnvironment();

        RuntimeException failure = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertThrows(
                RuntimeException.class, () -> ApplicationContext.run(EmbeddedServer.class, properties(env,
                        nats.password("route-publisher"), redis.uri("route-publisher", "not-the-password")))));

        String expected = "Redis at 127.0.0.1:" + redis.uri("route-publisher").replaceAll(".*:", "")
                + " refused user route-publisher";
        assertTrue(messages(failure).contains(expected), messages(failure));
        assertEquals(1, errors.list.stream().filter(e -> e.getFormattedMessage().startsWith(expected)
                && e.getFormattedMessage().contains("GATEWAY_REDIS_URL")).count(), "one line says it: " + errors.list);
        root().detachAppender(errors);
    }

    private Map<String, Object> properties(TestEnvironment env, String natsPassword, String redisUri) {
        Map<String, Object> p = new java.util.HashMap<>(env.properties(redisUri));
        p.put("nats.default.addresses", nats.url());
        p.put("nats.default.username", "route-publisher");
        p.put("nats.default.password", natsPassword);
        p.put("gateway.events.durable-suffix", ""); // the durable the permissions name, on a broker of this test's own
        return p;
    }

    private Options.Builder options(String user, String password) {
        return new Options.Builder().server(nats.url()).userInfo(user, password).inboxPrefix("_INBOX." + user + ".")
                .connectionTimeout(Duration.ofSeconds(2));
    }

    private Connection connect(String user) throws IOException, InterruptedException {
        return Nats.connect(options(user, nats.password(user)).build());
    }

    private long routesStored() throws IOException, InterruptedException, JetStreamApiException {
        try (Connection routePublisher = connect("route-publisher")) {
            return routePublisher.jetStreamManagement().getStreamInfo(Stream.ROUTES.name()).getStreamState().getMsgCount();
        }
    }

    private static long tenantsStored(Connection registry) throws IOException, JetStreamApiException {
        return registry.jetStreamManagement().getStreamInfo(Stream.TENANTS.name()).getStreamState().getMsgCount();
    }

    /** The route-publisher declares TENANTS as it starts; the event is published once the stream takes it. */
    private static void publishWhenTheStreamExists(Connection registry, EventEnvelope event) throws Exception {
        await("TENANTS accepting " + event.type(), () -> {
            try {
                registry.jetStream().publish(event.type(), EventCodec.encode(event),
                        PublishOptions.builder().messageId(event.id()).build());
                return true;
            } catch (JetStreamApiException | IOException noStreamYet) {
                return false;
            }
        });
    }

    private static ListAppender<ILoggingEvent> errorsLogged() {
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.addFilter(new ch.qos.logback.core.filter.Filter<>() {
            @Override
            public ch.qos.logback.core.spi.FilterReply decide(ILoggingEvent event) {
                return event.getLevel().isGreaterOrEqual(Level.ERROR) ? ch.qos.logback.core.spi.FilterReply.NEUTRAL
                        : ch.qos.logback.core.spi.FilterReply.DENY;
            }
        });
        appender.start();
        root().addAppender(appender);
        return appender;
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    private static String messages(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }

    private interface Check {
        boolean holds() throws Exception;
    }

    private static void await(String what, Check check) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!check.holds()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 15 s: " + what);
            }
            Thread.sleep(50);
        }
    }
}
