package dev.gateway.admin.proxy;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.client.ProxyHttpClient;
import io.micronaut.http.client.exceptions.HttpClientException;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Streams every /api/gateway request to its upstream and the upstream's response back unchanged
 * (status, headers, body). The event stream has its own relay ({@link EventStreamRelay}). An
 * unreachable upstream becomes a 502 problem.
 */
@Filter("/api/gateway/**")
public class GatewayProxyFilter implements HttpServerFilter {

    private final ProxyHttpClient client;
    private final UpstreamRouter router;
    private final UpstreamFailures failures;

    public GatewayProxyFilter(ProxyHttpClient client, UpstreamRouter router, UpstreamFailures failures) {
        this.client = client;
        this.router = router;
        this.failures = failures;
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        if (request.getPath().equals(EventStreamRelay.PATH)) {
            return chain.proceed(request);
        }
        Upstream upstream = router.route(request.getPath());
        return Flux.from(client.proxy(ProxiedRequest.of(request, upstream)))
                .onErrorResume(HttpClientException.class, e -> Mono.just(failures.unavailable(upstream, e)));
    }
}
