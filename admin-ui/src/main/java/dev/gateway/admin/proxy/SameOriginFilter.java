package dev.gateway.admin.proxy;

import dev.gateway.problems.Problem;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.util.Locale;

/**
 * The admin UI's API answers its own pages only: a request whose {@code Origin} names another site than the host it
 * was sent to is refused with a 403 problem before any upstream sees it. This is the one origin check on the way to
 * the upstreams, which is why {@link ProxiedRequest} does not repeat the browser's Origin to them: a registry on
 * loopback would take any host name the UI is opened under (other than localhost) for a foreign origin.
 */
@Filter("/api/**")
public class SameOriginFilter implements HttpServerFilter {

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        String origin = request.getHeaders().get(HttpHeaders.ORIGIN);
        if (origin == null || sameSite(origin, request.getHeaders().get(HttpHeaders.HOST))) {
            return chain.proceed(request);
        }
        return Mono.just(Problem.of(403, "forbidden", "Forbidden",
                "the admin API answers the admin UI's own pages only, not a page of another origin").response());
    }

    /** Whether the Origin's host and port are the ones the request was addressed to (the scheme may end at a proxy). */
    static boolean sameSite(String origin, String host) {
        if (host == null) {
            return false;
        }
        try {
            URI uri = new URI(origin);
            if (uri.getRawAuthority() == null || uri.getRawPath() != null && !uri.getRawPath().isEmpty()) {
                return false;
            }
            return authority(uri).equals(withDefaultPort(host.trim().toLowerCase(Locale.ROOT), uri.getScheme()));
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private static String authority(URI origin) {
        return withDefaultPort(origin.getRawAuthority().toLowerCase(Locale.ROOT), origin.getScheme());
    }

    private static String withDefaultPort(String authority, String scheme) {
        boolean hasPort = authority.lastIndexOf(':') > authority.lastIndexOf(']');
        return hasPort ? authority : authority + ("https".equalsIgnoreCase(scheme) ? ":443" : ":80");
    }
}
