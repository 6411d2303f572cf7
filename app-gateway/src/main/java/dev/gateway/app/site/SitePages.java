package dev.gateway.app.site;

import dev.gateway.app.resolve.TenantSources;
import io.micronaut.core.io.ResourceResolver;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.web.router.Router;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * The two single-page sites of the web build (classpath {@code public/}): the landing site ({@code landing.html}) on
 * the platform's host, the workspace ({@code workspace.html}) on a tenant's. Any page a browser asks for that no
 * route serves gets its host's site, whose router takes over (history fallback); other requests keep their 404
 * problem. The hashed bundle files under {@code /assets/} never change and are cached for a year.
 */
@Filter(Filter.MATCH_ALL_PATTERN)
public class SitePages implements HttpServerFilter {

    static final String ASSETS = "/assets/";
    private static final String IMMUTABLE = "public, max-age=31536000, immutable";

    private final Optional<byte[]> landing;
    private final Optional<byte[]> workspace;
    private final TenantSources hosts;
    private final Router router;

    public SitePages(ResourceResolver resources, TenantSources hosts, Router router) {
        this.landing = resources.getResourceAsStream("classpath:public/landing.html").map(SitePages::readAll);
        this.workspace = resources.getResourceAsStream("classpath:public/workspace.html").map(SitePages::readAll);
        this.hosts = hosts;
        this.router = router;
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        String path = request.getPath();
        if (path.equals("/api") || path.startsWith("/api/")) {
            return chain.proceed(request);
        }
        return Flux.from(chain.proceed(request)).map(response -> {
            if (response.status() == HttpStatus.NOT_FOUND && isPage(request)) {
                return page(request).orElse(response);
            }
            if (path.startsWith(ASSETS) && response.status() == HttpStatus.OK) {
                response.getHeaders().set(HttpHeaders.CACHE_CONTROL, IMMUTABLE);
            }
            return response;
        });
    }

    private Optional<MutableHttpResponse<?>> page(HttpRequest<?> request) {
        Optional<byte[]> site = hosts.isPlatformHost(request.getHeaders().get(HttpHeaders.HOST)) ? landing : workspace;
        return site.map(html -> HttpResponse.ok(html)
                .contentType(MediaType.TEXT_HTML_TYPE)
                .header(HttpHeaders.CACHE_CONTROL, "no-store"));
    }

    private boolean isPage(HttpRequest<?> request) {
        String path = request.getPath();
        boolean read = request.getMethod() == HttpMethod.GET || request.getMethod() == HttpMethod.HEAD;
        boolean html = request.getHeaders().accept().stream().anyMatch(type -> MediaType.TEXT_HTML.equals(type.getName()));
        return read && html && !path.startsWith(ASSETS) && !isManagementPath(path);
    }

    /** Paths only the management port serves (/prometheus, /beans …): a 404 problem here, never a page. */
    private boolean isManagementPath(String path) {
        return router.uriRoutes().anyMatch(route -> route.getPort() != null && route.match(path).isPresent());
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
