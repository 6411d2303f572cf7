package dev.gateway.app.redis;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.gateway.app.support.Api;
import dev.gateway.app.support.GatewayIntegrationTest;
import dev.gateway.app.support.ProvisionedTenant;
import dev.gateway.app.support.TenantFixture;
import dev.gateway.events.TenantDirectory;
import dev.gateway.testing.LoopbackPorts;
import dev.gateway.testing.SecuredRedis;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static dev.gateway.app.support.Api.bearer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The gateway against a Redis that requires credentials, started as bin/gateway and compose start the platform's
 * (deploy/redis): its own user serves tenant traffic (directory, announcements, rate limits); a wrong password is
 * said once, clearly, at start, and the gateway is not ready.
 */
@MicronautTest
class RedisCredentialsIT extends GatewayIntegrationTest {

    private SecuredRedis redis;

    @Override
    protected Map<String, String> extraProperties() {
        if (redis == null) {
            redis = SecuredRedis.start();
        }
        return Map.of("gateway.redis.uri", redis.uri("app-gateway"));
    }

    @AfterAll
    void stopRedis() {
        redis.close();
    }

    @Test
    void shouldServeTenantTrafficWithItsOwnUser() {
        ProvisionedTenant tenant = TenantFixture.schemaTenant(Map.of());
        Map<String, String> entry = TenantFixture.redisCommands().hgetall(TenantDirectory.key(tenant.key()));
        try (RedisClient client = RedisClient.create(redis.uri("route-publisher"));
             StatefulRedisConnection<String, String> writer = client.connect()) {
            writer.sync().hset(TenantDirectory.key(tenant.key()), entry);
        }

        String token = api().login(tenant);
        Api.Reply me = api().get("/api/me", bearer(token));

        assertEquals(200, me.status(), me.body());
        assertNotNull(me.header("RateLimit"), "the rate limit ran on this Redis");
        eventually("healthy", () -> management().get("/health").status() == 200);
    }

    @Test
    void shouldSayOnceAtStartThatRedisRefusedItsPasswordAndNotBeReady() {
        ListAppender<ILoggingEvent> errors = errorsLogged();
        Map<String, Object> properties = new HashMap<>(getProperties());
        properties.put("gateway.redis.uri", redis.uri("app-gateway", "not-the-password"));
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties)) {
            Api api = new Api(server.getURI());
            Api management = new Api(URI.create("http://127.0.0.1:"
                    + server.getApplicationContext().getRequiredProperty("endpoints.all.port", Integer.class)));
            String expected = "Redis at 127.0.0.1:" + redis.uri("app-gateway").replaceAll(".*:", "")
                    + " refused user app-gateway: set GATEWAY_REDIS_URL to redis://<user>:<password>@";

            eventually("the refusal said", () -> errors.list.stream()
                    .anyMatch(e -> e.getFormattedMessage().startsWith(expected)));
            eventually("not ready", () -> api.get("/health").status() == 503);
            assertEquals("{\"status\":\"DOWN\"}", api.get("/health").body());
            assertTrue(management.get("/health").body().contains("credentials refused"), management.get("/health").body());
            Api.Reply tenantRequest = api.get("/api/me", "X-Tenant-ID", "acme");
            assertEquals(503, tenantRequest.status(), tenantRequest.body());
            assertEquals(1, errors.list.stream().filter(e -> e.getFormattedMessage().startsWith(expected)).count(),
                    "said once: " + errors.list);
        } finally {
            root().detachAppender(errors);
        }
    }

    @Test
    void shouldSayTheRefusalOfARedisThatCameUpAfterTheGateway() {
        ListAppender<ILoggingEvent> errors = errorsLogged();
        int port = LoopbackPorts.free();
        Map<String, Object> properties = new HashMap<>(getProperties());
        properties.put("gateway.redis.uri", "redis://app-gateway:not-the-password@127.0.0.1:" + port);
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties)) {
            String expected = "Redis at 127.0.0.1:" + port + " refused user app-gateway";
            sleepPast(RedisCredentialsCheck.RETRY); // the first tries find nothing listening
            assertTrue(errors.list.stream().noneMatch(e -> e.getFormattedMessage().startsWith(expected)), errors.list::toString);

            try (SecuredRedis late = SecuredRedis.startOn(port)) {
                timeUntil("the refusal said", RedisCredentialsCheck.RETRY.multipliedBy(5),
                        () -> errors.list.stream().anyMatch(e -> e.getFormattedMessage().startsWith(expected)));
                sleepPast(RedisCredentialsCheck.RETRY); // no further try, so no second line
                assertEquals(1, errors.list.stream().filter(e -> e.getFormattedMessage().startsWith(expected)).count(),
                        "said once: " + errors.list);
            }
        } finally {
            root().detachAppender(errors);
        }
    }

    private static void sleepPast(Duration period) {
        try {
            Thread.sleep(period.plusMillis(500).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
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
}
