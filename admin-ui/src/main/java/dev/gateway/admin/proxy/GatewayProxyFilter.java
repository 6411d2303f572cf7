package dev.gateway.admin.proxy;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.server.HttpServerConfiguration;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

import java.net.http.HttpClient;
import java.net.http.HttpResponse.BodyHandlers;

/**
 * Streams every /api/gateway request to its upstream and the upstream's answer back (status,
 * end-to-end headers, body). The event stream has its own relay ({@link EventStreamRelay}). A body
 * over the size limit is refused before the upstream hears of it, or, when it only grows too large
 * on the way, its upstream connection is closed; an upstream that cannot be reached or does not
 * answer in time becomes a 502 or 504 problem.
 */
@Filter("/api/gateway/**")
public class GatewayProxyFilter implements HttpServerFilter {

    private final HttpClient client;
    private final UpstreamRouter router;
    private final UpstreamFailures failures;
    private final UpstreamConfiguration configuration;
    private final long maxRequestSize;

    public GatewayProxyFilter(HttpClient client, UpstreamRouter router, UpstreamFailures failures,
                              UpstreamConfiguration configuration, HttpServerConfiguration server) {
        this.client = client;
        this.router = router;
        this.failures = failures;
        this.configuration = configuration;
        this.maxRequestSize = server.getMaxRequestSize();
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        if (request.getPath().equals(EventStreamRelay.PATH)) {
            return chain.proceed(request);
        }
        if (request.getContentLength() > maxRequestSize) {
            return Mono.error(new ContentLengthExceededException(maxRequestSize, request.getContentLength()));
        }
        Upstream upstream = router.route(request.getPath());
        return Mono.fromFuture(() -> client.sendAsync(ProxiedRequest.of(request, upstream, configuration.readTimeout()),
                        BodyHandlers.ofPublisher()))
                .<MutableHttpResponse<?>>map(response -> ProxiedResponse.of(request, upstream, response))
                .onErrorResume(e -> failures.answer(upstream, e));
    }
}
