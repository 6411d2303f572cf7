package dev.gateway.runtime.micronaut;

import dev.gateway.runtime.database.DatabaseProbe;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.annotation.PreDestroy;
import org.reactivestreams.Publisher;

import javax.sql.DataSource;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The platform database, probed four times a second on a connection of its own: while it does not answer, API
 * requests get 503 problem+json with Retry-After at once (instead of each waiting out the pool's connection
 * timeout) and readiness says DOWN without waiting either. It opens again by itself when the database is back.
 */
@ServerFilter("/api/**")
@Requires(beans = DataSource.class)
@Requires(property = "datasources.default.url")
@Requires(property = "gateway.platform-database.gate", notEquals = "false")
class PlatformDatabaseGate implements HealthIndicator {

    private final DatabaseProbe probe;

    PlatformDatabaseGate(@Value("${datasources.default.url}") String url,
                         @Value("${datasources.default.username:}") String username,
                         @Value("${datasources.default.password:}") String password) {
        this.probe = new DatabaseProbe(url, username, password);
    }

    @Scheduled(fixedDelay = "${gateway.platform-database.probe-every:250ms}")
    void probe() {
        probe.check();
    }

    @RequestFilter
    @Nullable
    MutableHttpResponse<?> refuseWhileUnreachable() {
        if (probe.reachable()) {
            return null;
        }
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "https://gateway.dev/problems/service-unavailable");
        problem.put("title", "Service Unavailable");
        problem.put("status", 503);
        problem.put("detail", "the platform database is not reachable right now; retry shortly");
        return HttpResponse.serverError(problem).status(503).contentType("application/problem+json")
                .header("Retry-After", "5");
    }

    @Override
    public Publisher<HealthResult> getResult() {
        return Publishers.just(HealthResult.builder("platform-database",
                probe.reachable() ? HealthStatus.UP : HealthStatus.DOWN).build());
    }

    @PreDestroy
    void close() {
        probe.close();
    }
}
