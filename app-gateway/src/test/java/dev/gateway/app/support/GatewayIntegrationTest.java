package dev.gateway.app.support;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Base of the integration tests: the gateway against real PostgreSQL and Redis ({@link TestServices}),
 * tenants from {@link TenantFixture}. Subclasses add properties and annotate {@code @MicronautTest}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class GatewayIntegrationTest implements TestPropertyProvider {

    @Inject
    protected EmbeddedServer server;

    private Api api;
    private Api management;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>();
        properties.put("micronaut.server.port", "-1");
        properties.put("gateway.home", "target/it-home");
        properties.put("gateway.redis.uri", TestServices.REDIS_URI);
        properties.put("nats.default.addresses", TestServices.NATS_URL);
        properties.put("gateway.access-log.enabled", "false");
        properties.put("gateway.base-domain", "localhost");
        properties.put("gateway.db.servers", TestServices.PG_HOST + ":" + TestServices.PG_PORT);
        // every test logs in from 127.0.0.1; the login throttle has its own tests (LoginThrottleIT)
        properties.put("gateway.login.address-attempts", "1000000");
        properties.put("gateway.login.account-failures", "1000000");
        properties.putAll(extraProperties());
        return properties;
    }

    protected Map<String, String> extraProperties() {
        return Map.of();
    }

    protected Api api() {
        if (api == null) {
            api = new Api(server.getURI());
        }
        return api;
    }

    /** The management port: /health with details, /prometheus. */
    protected Api management() {
        if (management == null) {
            management = new Api(URI.create("http://127.0.0.1:"
                    + server.getApplicationContext().getRequiredProperty("endpoints.all.port", Integer.class)));
        }
        return management;
    }

    /**
     * A request sent again while it is answered 503 {@code tenant-busy}, as a client honouring Retry-After would, but
     * after 50 ms (the tests' bulkheads free in milliseconds): that answer changed nothing, so only the last counts.
     */
    protected static Api.Reply waitingOutTenantBusy(Supplier<Api.Reply> request) throws InterruptedException {
        Api.Reply reply = request.get();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (reply.status() == 503 && "tenant-busy".equals(reply.problem()) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            reply = request.get();
        }
        return reply;
    }

    protected static void eventually(String what, BooleanSupplier condition) {
        timeUntil(what, Duration.ofSeconds(5), condition);
    }

    /** Polls {@code condition} every 10 ms and returns how long it took to hold. */
    protected static Duration timeUntil(String what, Duration deadline, BooleanSupplier condition) {
        long started = System.nanoTime();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - started > deadline.toNanos()) {
                throw new AssertionError("not within " + deadline.toMillis() + " ms: " + what);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }

    @AfterAll
    void dropTenants() {
        TenantFixture.dropAll();
    }
}
