package dev.gateway.admin.proxy;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.ServerHttpRequest;
import reactor.adapter.JdkFlowAdapter;
import reactor.core.publisher.Flux;

import java.net.URI;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Flow;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Rewrites an incoming request for its upstream: same method, path, raw query, end-to-end headers
 * and body, new scheme/host/port. {@code X-Forwarded-For} is the caller's address as this proxy sees it (the
 * registry throttles logins per client address and believes this header from the admin-ui only); what the
 * caller claims in it, {@code Forwarded} or {@code X-Real-IP} is dropped. The body is streamed as it arrives, never held whole. Browsers
 * cannot set headers on an EventSource, so the SPA passes the event stream's token as {@code access_token}
 * (refused elsewhere by {@link QueryTokenFilter}); it is moved into the Authorization header here and never
 * reaches the upstream's URL (or its access log).
 */
final class ProxiedRequest {

    static final String ACCESS_TOKEN = "access_token";
    /** Set by the client for the upstream connection itself. */
    private static final Set<String> OWN_FRAMING = Set.of("host", "content-length", "expect");
    /**
     * Who the client is: said by this proxy alone, never repeated from the caller. The browser's Origin was checked
     * by {@link SameOriginFilter} and is not repeated either.
     */
    private static final Set<String> CLIENT_CLAIMS = Set.of("x-forwarded-for", "forwarded", "x-real-ip", "origin");
    private static final String FORWARDED_FOR = "X-Forwarded-For";

    private ProxiedRequest() {
    }

    /** The caller's body failed on the way (over the size limit, caller gone): no fault of the upstream's. */
    static final class BodyFailure extends RuntimeException {
        BodyFailure(Throwable cause) {
            super(cause);
        }
    }

    static java.net.http.HttpRequest of(HttpRequest<?> request, Upstream upstream, Duration timeout) {
        java.net.http.HttpRequest.Builder outbound = java.net.http.HttpRequest.newBuilder(upstreamUri(request, upstream))
                .timeout(timeout)
                .method(request.getMethodName(), body(request));
        HttpHeaders headers = request.getHeaders();
        Predicate<String> forwarded = HopByHopHeaders.endToEnd(headers.getAll(HttpHeaders.CONNECTION))
                .and(name -> !OWN_FRAMING.contains(HopByHopHeaders.lowerCase(name)))
                .and(name -> !CLIENT_CLAIMS.contains(HopByHopHeaders.lowerCase(name)));
        headers.names().stream().filter(forwarded)
                .forEach(name -> headers.getAll(name).forEach(value -> outbound.header(name, value)));
        if (request.getRemoteAddress() != null && request.getRemoteAddress().getAddress() != null) {
            outbound.header(FORWARDED_FOR, request.getRemoteAddress().getAddress().getHostAddress());
        }
        return outbound.build();
    }

    /**
     * The upstream's scheme, host and port, then the caller's path as sent and its query. The path is never resolved
     * against the upstream: a target such as {@code //api//gateway/tenants} reads as a URI whose host is {@code api}
     * (and {@code getUri()} drops that "host"), which would send the caller's request and token to another host.
     */
    static URI upstreamUri(HttpRequest<?> request, Upstream upstream) {
        URI base = upstream.url();
        return URI.create(base.getScheme() + "://" + base.getRawAuthority() + request.getPath() + query(request.getUri()));
    }

    /** The event stream's caller's Authorization header, else its {@code access_token} as a bearer token. */
    static Optional<String> authorization(HttpRequest<?> request) {
        return request.getHeaders().findFirst(HttpHeaders.AUTHORIZATION)
                .or(() -> request.getParameters().getFirst(ACCESS_TOKEN).map(token -> "Bearer " + token));
    }

    private static BodyPublisher body(HttpRequest<?> request) {
        long length = request.getContentLength();
        boolean chunked = request.getHeaders().contains(HttpHeaders.TRANSFER_ENCODING);
        if (length <= 0 && !chunked) {
            return BodyPublishers.noBody();
        }
        Flow.Publisher<ByteBuffer> bytes = JdkFlowAdapter.publisherToFlowPublisher(
                Flux.from(((ServerHttpRequest<?>) request).byteBody().toByteArrayPublisher())
                        .map(ByteBuffer::wrap)
                        .onErrorMap(BodyFailure::new));
        return chunked ? BodyPublishers.fromPublisher(bytes) : BodyPublishers.fromPublisher(bytes, length);
    }

    private static String query(URI uri) {
        if (uri.getRawQuery() == null) {
            return "";
        }
        String kept = Arrays.stream(uri.getRawQuery().split("&"))
                .filter(p -> !p.equals(ACCESS_TOKEN) && !p.startsWith(ACCESS_TOKEN + "="))
                .collect(Collectors.joining("&"));
        return kept.isEmpty() ? "" : "?" + kept;
    }
}
