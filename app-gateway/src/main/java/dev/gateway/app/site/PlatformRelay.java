package dev.gateway.app.site;

import dev.gateway.problems.Problem;
import dev.gateway.app.http.ProblemException;
import dev.gateway.app.http.ProblemResponses;
import dev.gateway.app.resolve.TenantSources;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.client.ProxyHttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.ReadTimeoutException;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.server.HttpServerConfiguration;
import io.netty.handler.codec.compression.DecompressionException;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.net.InetSocketAddress;

/**
 * The platform's public API ({@code /api/platform/**}: plans, key checks, company signups, workspace lookup) on the
 * platform's host, relayed to the registry as it comes: method, path, query, end-to-end headers and the body
 * streamed, the answer streamed back. The caller's address is appended to {@code X-Forwarded-For} (the registry
 * throttles per client address and trusts this gateway's entry); tenant credentials (Authorization, Cookie) stay
 * here. A body over the size limit is refused before the registry hears of it; a registry that cannot be reached
 * is 502, one that does not answer in time ({@code GATEWAY_REGISTRY_TIMEOUT}) 504. On a tenant's host the path
 * does not exist.
 */
@Filter("/api/platform/**")
public class PlatformRelay implements HttpServerFilter {

    private static final Logger LOG = LoggerFactory.getLogger(PlatformRelay.class);
    private static final String FORWARDED_FOR = "X-Forwarded-For";

    private final ProxyHttpClient registry;
    private final TenantSources hosts;
    private final long maxRequestSize;

    public PlatformRelay(@Client(id = "registry") ProxyHttpClient registry, TenantSources hosts,
                         HttpServerConfiguration server) {
        this.registry = registry;
        this.hosts = hosts;
        this.maxRequestSize = server.getMaxRequestSize();
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        if (!hosts.isPlatformHost(request.getHeaders().get(HttpHeaders.HOST))) {
            return Mono.just(ProblemResponses.of(ProblemException.notFound("path " + request.getPath())));
        }
        if (request.getContentLength() > maxRequestSize) {
            return Mono.error(new ContentLengthExceededException(maxRequestSize, request.getContentLength()));
        }
        boolean close = HopByHopHeaders.asksToClose(request.getHeaders());
        return Flux.from(registry.proxy(outbound(request)))
                .<MutableHttpResponse<?>>map(response -> {
                    HopByHopHeaders.remove(response.getHeaders());
                    if (close) {
                        // the caller's own Connection header went with the relayed request: restated here
                        response.getHeaders().set(HttpHeaders.CONNECTION, "close");
                    }
                    return response;
                })
                .onErrorResume(e -> failure(request, e));
    }

    /** The caller's request, changed in place for the registry (its connection headers are gone afterwards). */
    private static MutableHttpRequest<?> outbound(HttpRequest<?> request) {
        MutableHttpRequest<?> outbound = request.mutate();
        HopByHopHeaders.remove(outbound.getHeaders());
        outbound.getHeaders().remove(HttpHeaders.AUTHORIZATION);
        outbound.getHeaders().remove(HttpHeaders.COOKIE);
        InetSocketAddress peer = request.getRemoteAddress();
        if (peer != null && peer.getAddress() != null) {
            String client = peer.getAddress().getHostAddress();
            String forwarded = request.getHeaders().getAll(FORWARDED_FOR).stream().reduce((a, b) -> a + ", " + b)
                    .map(earlier -> earlier + ", " + client).orElse(client);
            outbound.getHeaders().set(FORWARDED_FOR, forwarded);
        }
        return outbound;
    }

    private static Mono<MutableHttpResponse<?>> failure(HttpRequest<?> request, Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ContentLengthExceededException || cause instanceof DecompressionException) {
                return Mono.error(cause); // the caller's body: a 413 or 400 problem, not the registry's failure
            }
        }
        LOG.warn("registry relay of {} failed: {}", request.getPath(), e.toString());
        return Mono.just(ProblemResponses.of(e instanceof ReadTimeoutException
                ? Problem.of(504, "upstream-timeout", "Upstream timeout",
                        "the platform service did not answer in time; try again later")
                : Problem.of(502, "upstream-unavailable", "Upstream unavailable",
                        "the platform service did not answer; try again shortly")));
    }
}
