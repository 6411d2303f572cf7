package dev.gateway.app.http;

import io.micronaut.core.annotation.Order;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

import java.util.Map;

/**
 * The admin UI's security headers, on every response (the outermost filter, so the tenant filter's own answers
 * get them too). The sites load only their own bundled scripts and styles and talk only to their own origin,
 * so the CSP forbids everything else.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class SecurityHeaders {

    static final String CSP = String.join("; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data:",
            "connect-src 'self'",
            "font-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    static final Map<String, String> HEADERS = Map.of(
            "Content-Security-Policy", CSP,
            "X-Content-Type-Options", "nosniff",
            "Referrer-Policy", "no-referrer",
            "X-Frame-Options", "DENY",
            "Cross-Origin-Opener-Policy", "same-origin",
            "Permissions-Policy", "camera=(), microphone=(), geolocation=()");

    @ResponseFilter
    void apply(MutableHttpResponse<?> response) {
        HEADERS.forEach(response.getHeaders()::set);
    }
}
