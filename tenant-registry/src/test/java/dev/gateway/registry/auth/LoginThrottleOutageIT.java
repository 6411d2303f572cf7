package dev.gateway.registry.auth;

import dev.gateway.registry.support.Await;
import dev.gateway.registry.support.FromAddress;
import dev.gateway.registry.support.FromAddress.Reply;
import dev.gateway.registry.support.Keys;
import dev.gateway.registry.support.PrivateRedis;
import dev.gateway.registry.support.RegistryFixture;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Redis away (at start, or later): logins still answer 200/401, never a 5xx, and stay throttled, counted in the
 * instance until Redis is back, when counts go to Redis again.
 */
class LoginThrottleOutageIT {

    private static final int ACCOUNT_FAILURES = 3;

    @Test
    void shouldKeepLoginsWorkingAndThrottledWhileRedisIsAway() throws Exception {
        PrivateRedis redis = PrivateRedis.notStarted();
        HashMap<String, Object> properties = new HashMap<>(RegistryFixture.properties(
                "redis.uri", redis.url(),
                "gateway.login.account-failures", Integer.toString(ACCOUNT_FAILURES),
                "gateway.login.address-attempts", "1000"));
        try (redis; ApplicationContext context = ApplicationContext.run(properties)) {
            EmbeddedServer server = context.getBean(EmbeddedServer.class).start();

            assertLoginsWorkAndAreThrottled(server);

            redis.startServer();
            Await.until(Duration.ofSeconds(30), "counts in Redis again", () -> {
                login(server, "nobody-" + Keys.tenantKey(), "wrong");
                return !throttleKeys(redis).isEmpty();
            });
            String user = "nobody-" + Keys.tenantKey();
            for (int i = 0; i < ACCOUNT_FAILURES; i++) {
                assertEquals(401, login(server, user, "wrong").status());
            }
            assertEquals(429, login(server, user, "wrong").status());

            redis.stop();
            assertLoginsWorkAndAreThrottled(server);
        }
    }

    private static void assertLoginsWorkAndAreThrottled(EmbeddedServer server) {
        assertEquals(200, login(server, "admin", RegistryFixture.ADMIN_PASSWORD).status());
        String user = "nobody-" + Keys.tenantKey();
        for (int i = 0; i < ACCOUNT_FAILURES; i++) {
            assertEquals(401, login(server, user, "wrong").status());
        }
        Reply refused = login(server, user, "wrong");
        assertEquals(429, refused.status(), refused.body());
        assertTrue(refused.body().contains("rate-limited"), refused.body());
        assertEquals(200, login(server, "admin", RegistryFixture.ADMIN_PASSWORD).status());
    }

    private static Reply login(EmbeddedServer server, String user, String password) {
        return FromAddress.post(server.getURL(), FromAddress.randomAddress(), "/api/gateway/auth/login",
                "{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}");
    }

    private static List<String> throttleKeys(PrivateRedis redis) {
        RedisClient client = RedisClient.create(redis.url());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            return connection.sync().keys("throttle:registry:*");
        } finally {
            client.shutdown();
        }
    }
}
