package dev.gateway.admin.spa;

import dev.gateway.admin.http.Problems;
import io.micronaut.core.io.ResourceResolver;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * Anything no route or static file answered: a client-side route of the SPA gets index.html (the
 * SPA router takes over), while API paths and missing files stay a 404 problem.
 */
@Controller
public class SpaFallbackController {

    static final String INDEX = "classpath:public/index.html";

    private final ResourceResolver resources;

    public SpaFallbackController(ResourceResolver resources) {
        this.resources = resources;
    }

    @Error(global = true, status = HttpStatus.NOT_FOUND)
    public HttpResponse<?> notFound(HttpRequest<?> request) {
        if (!isClientRoute(request)) {
            return Problems.notFound(request.getPath());
        }
        return index().<HttpResponse<?>>map(html -> HttpResponse.ok(html)
                        .contentType(MediaType.TEXT_HTML_TYPE)
                        .header(HttpHeaders.CACHE_CONTROL, "no-store"))
                .orElseGet(() -> Problems.response(HttpStatus.NOT_FOUND, "not-found", "Admin UI not built",
                        "The SPA bundle is missing from the classpath; build without -Dskip.npm."));
    }

    static boolean isClientRoute(HttpRequest<?> request) {
        String path = request.getPath();
        boolean readsPage = request.getMethod() == HttpMethod.GET || request.getMethod() == HttpMethod.HEAD;
        boolean api = path.equals("/api") || path.startsWith("/api/");
        boolean file = path.substring(path.lastIndexOf('/') + 1).contains(".");
        return readsPage && !api && !file;
    }

    private Optional<byte[]> index() {
        return resources.getResourceAsStream(INDEX).map(SpaFallbackController::readAll);
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
