package dev.gateway.admin.spa;

import dev.gateway.admin.health.ManagementPaths;
import dev.gateway.problems.Problem;
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
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * Turns a 404 into the SPA for client-side routes (the SPA router takes over) and keeps every
 * other 404 a problem, management paths included. A filter rather than a status route, so a 404
 * problem that a controller chose to answer (unknown tenant) is passed on untouched.
 */
@Filter(Filter.MATCH_ALL_PATTERN)
public class SpaFallbackFilter implements HttpServerFilter {

    static final String INDEX = "classpath:public/index.html";

    private final Optional<byte[]> index;
    private final ManagementPaths management;

    public SpaFallbackFilter(ResourceResolver resources, ManagementPaths management) {
        this.index = resources.getResourceAsStream(INDEX).map(SpaFallbackFilter::readAll);
        this.management = management;
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        return Flux.from(chain.proceed(request)).map(response -> response.status() == HttpStatus.NOT_FOUND
                ? notFound(request, response) : response);
    }

    private MutableHttpResponse<?> notFound(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (isClientRoute(request) && !management.contains(request.getPath()) && index.isPresent()) {
            return HttpResponse.ok(index.get())
                    .contentType(MediaType.TEXT_HTML_TYPE)
                    .header(HttpHeaders.CACHE_CONTROL, "no-store");
        }
        boolean problem = response.getContentType().map(type -> type.getName().equals(Problem.CONTENT_TYPE)).orElse(false);
        return problem ? response : Problem.of(404, "not-found", "Not found", "Nothing is served at " + request.getPath())
                .response();
    }

    static boolean isClientRoute(HttpRequest<?> request) {
        String path = request.getPath();
        boolean readsPage = request.getMethod() == HttpMethod.GET || request.getMethod() == HttpMethod.HEAD;
        boolean api = path.equals("/api") || path.startsWith("/api/");
        boolean file = path.substring(path.lastIndexOf('/') + 1).contains(".");
        return readsPage && !api && !file;
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
