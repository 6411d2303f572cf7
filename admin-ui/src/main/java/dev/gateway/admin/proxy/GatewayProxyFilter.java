package dev.gateway.admin.proxy;

import dev.gateway.admin.http.Problems;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.client.ProxyHttpClient;
import io.micronaut.http.client.exceptions.HttpClientException;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Streams every /api/gateway request to its upstream and the upstream's response back unchanged
 * (status, headers, body, including Server-Sent Events, chunk by chunk). An unreachable upstream
 * becomes a 502 problem.
 */
@Filter("/api/gateway/**")
public class GatewayProxyFilter implements HttpServerFilter {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayProxyFilter.class);

    private final ProxyHttpClient client;
    private final UpstreamRouter router;
    private final MeterRegistry meters;

    public GatewayProxyFilter(ProxyHttpClient client, UpstreamRouter router, MeterRegistry meters) {
        this.client = client;
        this.router = router;
        this.meters = meters;
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        Upstream upstream = router.route(request.getPath());
        return Flux.from(client.proxy(ProxiedRequest.of(request, upstream)))
                .onErrorResume(HttpClientException.class, e -> Mono.just(unavailable(upstream, e)));
    }

    private MutableHttpResponse<?> unavailable(Upstream upstream, HttpClientException e) {
        LOG.warn("upstream {} at {} unavailable: {}", upstream.name(), upstream.url(), e.getMessage());
        meters.counter("gateway.admin.proxy.upstream.errors", "upstream", upstream.name()).increment();
        return Problems.response(HttpStatus.BAD_GATEWAY, "upstream-unavailable", "Upstream unavailable",
                "The " + upstream.name() + " service did not answer; try again when it is running.");
    }
}
