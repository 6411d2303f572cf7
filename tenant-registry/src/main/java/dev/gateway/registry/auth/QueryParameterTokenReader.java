package dev.gateway.registry.auth;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.token.reader.TokenReader;
import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * Browsers' EventSource cannot send headers, so the SSE stream alone also accepts {@code ?access_token=}.
 */
@Singleton
public class QueryParameterTokenReader implements TokenReader<HttpRequest<?>> {

    static final String SSE_PATH = "/api/gateway/events";

    @Override
    public Optional<String> findToken(HttpRequest<?> request) {
        if (!SSE_PATH.equals(request.getPath())) {
            return Optional.empty();
        }
        return request.getParameters().getFirst("access_token");
    }
}
