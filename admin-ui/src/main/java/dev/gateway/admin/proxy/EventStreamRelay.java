package dev.gateway.admin.proxy;

import io.micronaut.core.async.annotation.SingleResult;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.Flow;

/**
 * Relays the registry's Server-Sent Events stream chunk by chunk, as an SSE route of its own:
 * the answer is an event stream whatever the registry's headers say. When the browser goes away,
 * cancelling the body closes the upstream connection, so a closed tab leaves no stream open at the registry.
 */
@Controller(EventStreamRelay.PATH)
public class EventStreamRelay {

    static final String PATH = "/api/gateway/events";

    private final UpstreamRouter router;
    private final UpstreamFailures failures;
    private final HttpClient http;
    private final UpstreamConfiguration configuration;

    public EventStreamRelay(UpstreamRouter router, UpstreamFailures failures, HttpClient http,
                            UpstreamConfiguration configuration) {
        this.router = router;
        this.failures = failures;
        this.http = http;
        this.configuration = configuration;
    }

    @Get(produces = MediaType.TEXT_EVENT_STREAM)
    @SingleResult
    public Publisher<MutableHttpResponse<?>> relay(HttpRequest<?> request) {
        Upstream registry = router.registry();
        java.net.http.HttpRequest.Builder upstream = java.net.http.HttpRequest
                .newBuilder(ProxiedRequest.upstreamUri(request, registry))
                .timeout(configuration.readTimeout())
                .header(HttpHeaders.ACCEPT, MediaType.TEXT_EVENT_STREAM);
        ProxiedRequest.authorization(request).ifPresent(value -> upstream.header(HttpHeaders.AUTHORIZATION, value));
        request.getHeaders().findFirst("Last-Event-ID").ifPresent(id -> upstream.header("Last-Event-ID", id));
        return Mono.fromFuture(() -> http.sendAsync(upstream.GET().build(), BodyHandlers.ofPublisher()))
                .flatMap(this::respond)
                .onErrorResume(e -> failures.answer(registry, e));
    }

    private Mono<MutableHttpResponse<?>> respond(java.net.http.HttpResponse<Flow.Publisher<List<ByteBuffer>>> upstream) {
        String contentType = upstream.headers().firstValue(HttpHeaders.CONTENT_TYPE).orElse(MediaType.TEXT_PLAIN);
        if (upstream.statusCode() != HttpStatus.OK.getCode()) {
            // an error answer (401, 403 problem) is small: pass it on whole
            return ProxiedResponse.body(upstream).collect(ByteArrayOutputStream::new, ByteArrayOutputStream::writeBytes)
                    .map(all -> HttpResponse.status(HttpStatus.valueOf(upstream.statusCode()))
                            .contentType(contentType).body(all.toByteArray()));
        }
        return Mono.just(HttpResponse.ok(ProxiedResponse.body(upstream))
                .contentType(MediaType.TEXT_EVENT_STREAM_TYPE)
                .header(HttpHeaders.CACHE_CONTROL, "no-cache"));
    }
}
