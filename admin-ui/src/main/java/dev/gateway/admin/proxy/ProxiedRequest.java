package dev.gateway.admin.proxy;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;

import java.net.URI;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Rewrites an incoming request for its upstream: same method, path, raw query, headers and body,
 * new scheme/host/port. Browsers cannot set headers on an EventSource, so the SPA passes its token
 * as {@code access_token}; it is moved into the Authorization header here and never reaches the
 * upstream's URL (or its access log).
 */
final class ProxiedRequest {

    static final String ACCESS_TOKEN = "access_token";

    private ProxiedRequest() {
    }

    static MutableHttpRequest<?> of(HttpRequest<?> request, Upstream upstream) {
        MutableHttpRequest<?> outbound = request.mutate().uri(upstreamUri(request, upstream));
        authorization(request).ifPresent(value -> outbound.getHeaders().set(HttpHeaders.AUTHORIZATION, value));
        return outbound;
    }

    static URI upstreamUri(HttpRequest<?> request, Upstream upstream) {
        return URI.create(upstream.url().resolve(request.getUri().getRawPath()) + query(request.getUri()));
    }

    /** The caller's Authorization header, else its {@code access_token} as a bearer token. */
    static Optional<String> authorization(HttpRequest<?> request) {
        return request.getHeaders().findFirst(HttpHeaders.AUTHORIZATION)
                .or(() -> request.getParameters().getFirst(ACCESS_TOKEN).map(token -> "Bearer " + token));
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
