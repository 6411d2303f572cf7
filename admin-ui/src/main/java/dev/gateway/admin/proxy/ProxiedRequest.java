package dev.gateway.admin.proxy;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;

import java.net.URI;
import java.util.Arrays;
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
        String queryToken = request.getParameters().get(ACCESS_TOKEN);
        URI target = URI.create(upstream.url().resolve(request.getUri().getRawPath()) + query(request.getUri()));
        MutableHttpRequest<?> outbound = request.mutate().uri(target);
        if (queryToken != null && !request.getHeaders().contains(HttpHeaders.AUTHORIZATION)) {
            outbound.bearerAuth(queryToken);
        }
        return outbound;
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
