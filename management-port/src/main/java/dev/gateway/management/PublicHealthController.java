package dev.gateway.management;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.management.endpoint.health.HealthEndpoint;
import io.micronaut.management.health.indicator.HealthCheckType;
import io.micronaut.management.health.indicator.HealthResult;
import reactor.core.publisher.Mono;

import java.time.Duration;

/**
 * {@code /health}, {@code /health/liveness} and {@code /health/readiness} on the public port: UP or DOWN and
 * nothing else. The details, and every other management endpoint, are on the management port (loopback only).
 * Each answer is worked out at most once a second whatever the request rate, so probing it costs nothing.
 */
@Controller(value = "/health", produces = MediaType.ALL)
public class PublicHealthController {

    static final String UP = "{\"status\":\"UP\"}";
    static final String DOWN = "{\"status\":\"DOWN\"}";
    private static final Duration REUSED_FOR = Duration.ofSeconds(1);
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final Mono<Boolean> all;
    private final Mono<Boolean> liveness;
    private final Mono<Boolean> readiness;

    public PublicHealthController(HealthEndpoint health) {
        all = operational(Mono.defer(() -> Mono.from(health.getHealth(null))));
        liveness = operational(Mono.defer(() -> Mono.from(health.getHealth(null, HealthCheckType.LIVENESS))));
        readiness = operational(Mono.defer(() -> Mono.from(health.getHealth(null, HealthCheckType.READINESS))));
    }

    @Get
    Mono<MutableHttpResponse<String>> health() {
        return answer(all);
    }

    @Get("/liveness")
    Mono<MutableHttpResponse<String>> liveness() {
        return answer(liveness);
    }

    @Get("/readiness")
    Mono<MutableHttpResponse<String>> readiness() {
        return answer(readiness);
    }

    private static Mono<Boolean> operational(Mono<HealthResult> result) {
        return result.map(r -> r.getStatus().getOperational().orElse(true))
                .timeout(TIMEOUT, Mono.just(false))
                .onErrorReturn(false)
                .cache(REUSED_FOR);
    }

    private static Mono<MutableHttpResponse<String>> answer(Mono<Boolean> operational) {
        return operational.map(up -> (up ? HttpResponse.ok(UP)
                : HttpResponse.<String>status(HttpStatus.SERVICE_UNAVAILABLE).body(DOWN))
                .contentType(MediaType.APPLICATION_JSON_TYPE));
    }
}
