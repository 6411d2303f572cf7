package dev.gateway.admin.health;

import dev.gateway.admin.proxy.Upstream;
import dev.gateway.admin.proxy.UpstreamConfiguration;
import dev.gateway.admin.proxy.UpstreamRouter;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reports whether the registry, provisioner and usage-meter answer their /health. The admin UI stays UP when
 * they do not: it still serves the SPA and answers 502 problems, each upstream reports its own
 * health, and a DOWN here would only make orchestration restart a healthy process.
 */
@Singleton
public class UpstreamHealthIndicator implements HealthIndicator {

    private final UpstreamRouter router;
    private final UpstreamConfiguration configuration;
    private final HttpClient http;

    public UpstreamHealthIndicator(UpstreamRouter router, UpstreamConfiguration configuration) {
        this.router = router;
        this.configuration = configuration;
        this.http = HttpClient.newBuilder().connectTimeout(configuration.probeTimeout()).build();
    }

    @Override
    public Publisher<HealthResult> getResult() {
        return Mono.fromCallable(this::probeAll).subscribeOn(Schedulers.boundedElastic());
    }

    private HealthResult probeAll() {
        Map<String, Object> details = new LinkedHashMap<>();
        for (Upstream upstream : new Upstream[]{router.registry(), router.provisioner(), router.usageMeter()}) {
            details.put(upstream.name(), probe(upstream));
        }
        return HealthResult.builder("upstreams", HealthStatus.UP).details(details).build();
    }

    private Map<String, Object> probe(Upstream upstream) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("url", upstream.url().toString());
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(upstream.url() + "/health"))
                    .timeout(configuration.probeTimeout()).GET().build();
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            result.put("reachable", true);
            result.put("status", status == 200 ? "UP" : "DOWN");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            result.put("reachable", false);
        } catch (Exception e) {
            result.put("reachable", false);
            result.put("error", e.getClass().getSimpleName());
        }
        return result;
    }
}
