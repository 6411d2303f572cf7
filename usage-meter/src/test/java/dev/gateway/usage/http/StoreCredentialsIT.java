package dev.gateway.usage.http;

import dev.gateway.events.EventType;
import dev.gateway.testing.SecuredNats;
import dev.gateway.testing.SecuredRedis;
import dev.gateway.usage.support.MeterFixture;
import dev.gateway.usage.support.TestEvents;
import dev.gateway.usage.support.Wait;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micronaut.runtime.server.EmbeddedServer;
import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The usage-meter on a NATS and a Redis that require credentials, configured as bin/gateway and compose run the
 * platform's (deploy/): its own users are enough to consume its three streams and write the usage hashes.
 */
class StoreCredentialsIT {

    @Test
    void shouldConsumeAndWriteUsageHashesWithItsOwnCredentialsOnly() throws Exception {
        try (SecuredNats nats = SecuredNats.start(); SecuredRedis redis = SecuredRedis.start()) {
            Map<String, Object> own = Map.of("nats.default.addresses", nats.url(),
                    "nats.default.username", "usage-meter", "nats.default.password", nats.password("usage-meter"),
                    "redis.uri", redis.uri("usage-meter"));
            String tenant = MeterFixture.newKey();
            try (EmbeddedServer meter = MeterFixture.start(own);
                 Connection gateway = connect(nats, "app-gateway");
                 RedisClient client = RedisClient.create(redis.uri("app-gateway"));
                 StatefulRedisConnection<String, String> reader = client.connect()) {
                Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
                TestEvents.publish(gateway.jetStream(), TestEvents.requests(tenant, "gw", now, 42, 1, 3, 9));
                TestEvents.publish(gateway.jetStream(),
                        TestEvents.activity(EventType.ACTIVITY_LOGIN_SUCCEEDED, tenant, 1, now, "u1"));

                Wait.until("the usage hash", Duration.ofSeconds(20),
                        () -> "42".equals(reader.sync().hget("usage:" + tenant, "requests")));
                assertEquals("3", reader.sync().hget("usage:" + tenant, "rate_limited"));
                Wait.until("the login counted", Duration.ofSeconds(20), () -> logins(tenant) == 1);
                assertFalse(nats.logText().contains("Violation"), nats.logText());
            }
        }
    }

    private static Connection connect(SecuredNats nats, String user) throws Exception {
        return Nats.connect(new Options.Builder().server(nats.url()).userInfo(user, nats.password(user)).inboxPrefix("_INBOX." + user + ".")
                .connectionTimeout(Duration.ofSeconds(2)).build());
    }

    private static long logins(String tenant) {
        try (java.sql.Connection c = MeterFixture.connect();
             java.sql.ResultSet rows = c.createStatement().executeQuery(
                     "SELECT coalesce(sum(logins), 0) FROM usage.hourly WHERE tenant = '" + tenant + "'")) {
            rows.next();
            return rows.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
