package dev.gateway.routes.support;

import dev.gateway.events.EventEnvelope;
import dev.gateway.events.Stream;
import dev.gateway.events.TenantDirectory;
import dev.gateway.routes.route.RoutePlanner;
import dev.gateway.runtime.EventRuntime;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.micronaut.test.support.TestPropertyProvider;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.JetStreamManagement;
import io.nats.client.api.PublishAck;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * Shared fixture of the integration tests: the real Redis and NATS (GATEWAY_REDIS_URL / GATEWAY_NATS_URL
 * or the local defaults), an isolated {@link TestEnvironment}, and helpers to publish and observe.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class RoutesItBase implements TestPropertyProvider {

    protected final TestEnvironment env = new TestEnvironment();

    @Inject
    protected StatefulRedisConnection<String, String> connection;
    @Inject
    protected Connection nats;
    @Inject
    protected JetStream jetStream;
    @Inject
    protected JetStreamManagement management;
    @Inject
    protected EventRuntime eventRuntime;
    @Inject
    protected RoutePlanner planner;
    @Inject
    protected FakeRegistry registry;

    protected RedisCommands<String, String> redis;
    protected RouteEvents events;

    @Override
    public Map<String, String> getProperties() {
        return env.properties(redisUri());
    }

    protected String redisUri() {
        String url = System.getenv("GATEWAY_REDIS_URL");
        return url == null || url.isBlank() ? "redis://127.0.0.1:6379" : url;
    }

    @BeforeAll
    void openFixture() {
        redis = connection.sync();
        events = new RouteEvents(nats, jetStream, env.tenantPrefix, durable());
    }

    @AfterAll
    protected void closeFixture() {
        events.close();
        RedisKeys.deleteTestKeys(redis, env);
    }

    /** Waits until the consumer acked everything up to this message, so "nothing happened" can be asserted. */
    protected void awaitProcessed(PublishAck ack) {
        RedisKeys.await("ack floor past seq " + ack.getSeqno(), Duration.ofSeconds(10), () -> {
            try {
                return management.getConsumerInfo(Stream.TENANTS.name(), durable())
                        .getAckFloor().getStreamSequence();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, floor -> floor >= ack.getSeqno());
    }

    protected String durable() {
        return eventRuntime.consumers().get(0).durable();
    }

    protected PublishAck publish(EventEnvelope event) throws Exception {
        return events.publish(event);
    }

    protected Map<String, String> directory(String tenant) {
        return redis.hgetall(TenantDirectory.key(tenant));
    }

    protected Map<String, String> awaitDirectory(String tenant, String field, String value) {
        return RedisKeys.await(tenant + " " + field + "=" + value, Duration.ofSeconds(10), () -> directory(tenant),
                d -> value.equals(d.get(field)));
    }

    /** Every route key of one tenant (router + middleware) currently in Redis. */
    protected TreeMap<String, String> tenantRouteKeys(String tenant) {
        TreeMap<String, String> kv = RedisKeys.values(redis, env.root + "/http/routers/tenant-" + tenant + "/");
        kv.putAll(RedisKeys.values(redis, env.root + "/http/middlewares/tenant-" + tenant + "-id/"));
        return kv;
    }

    protected String routerPrefix(String tenant) {
        return env.root + "/http/routers/tenant-" + tenant + "/";
    }
}
