package dev.gateway.problems;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;

/**
 * An error answered without a body gets the problem of its status. Micronaut's CORS filter answers a request from
 * another origin to a local host (its guard against drive-by-localhost attacks) with a bare 403, past the error
 * processor; this filter wraps every other one, so it sees that answer too.
 */
@Filter(Filter.MATCH_ALL_PATTERN)
public class BodilessErrorFilter implements HttpServerFilter {

    private final ProblemTypes types;

    public BodilessErrorFilter(ProblemTypes types) {
        this.types = types;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        return Flux.from(chain.proceed(request)).map(response -> response.code() >= 400 && response.getBody().isEmpty()
                && response.getContentType().isEmpty() ? problem(request, response) : response);
    }

    private MutableHttpResponse<?> problem(HttpRequest<?> request, MutableHttpResponse<?> response) {
        response.contentType(Problem.CONTENT_TYPE);
        if (request.getMethod() == HttpMethod.HEAD) {
            return response;
        }
        int status = response.code();
        String detail = status == 403 && request.getOrigin().isPresent()
                ? "a request from another origin to a local address is refused" : response.reason();
        return response.body(types.forStatus(status, response.reason(), detail));
    }
}
