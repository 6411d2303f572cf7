package dev.gateway.admin.proxy;

import dev.gateway.problems.Problem;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * A token in a URL ends up in access logs, browser history and Referer headers. Only the event stream takes one
 * there (EventSource cannot send headers); any other API request carrying {@code access_token} is refused with a
 * 401 problem before it reaches an upstream, so the habit never works.
 */
@Filter("/api/**")
public class QueryTokenFilter implements HttpServerFilter {

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        if (request.getParameters().contains(ProxiedRequest.ACCESS_TOKEN)
                && !request.getPath().equals(EventStreamRelay.PATH)) {
            return Mono.just(Problem.of(401, "unauthorized", "Unauthorized", "a token in the URL is accepted only by "
                    + EventStreamRelay.PATH + "; send it as Authorization: Bearer").response());
        }
        return chain.proceed(request);
    }
}
