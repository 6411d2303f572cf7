package dev.gateway.registry.http;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class ProblemErrorResponseProcessorTest {

    private final ProblemErrorResponseProcessor processor = new ProblemErrorResponseProcessor();

    @Test
    void shouldKeepTheFrameworksMessagesOutOfA5xxBody() {
        ErrorContext context = ErrorContext.builder(HttpRequest.GET("/api/gateway/tenants"))
                .cause(new IllegalStateException("org.postgresql.util.PSQLException: relation registry.x"))
                .errorMessage("Internal Server Error: org.postgresql.util.PSQLException: relation registry.x")
                .errorMessage("second internal message")
                .build();
        MutableHttpResponse<Map<String, Object>> response = processor.processResponse(context,
                HttpResponse.status(HttpStatus.INTERNAL_SERVER_ERROR));
        Map<String, Object> body = response.body();
        assertEquals(500, response.code());
        assertEquals("https://gateway.dev/problems/internal", body.get("type"));
        assertEquals("internal error", body.get("detail"));
        assertFalse(body.containsKey("errors"), String.valueOf(body));
        assertFalse(body.toString().contains("PSQLException"), String.valueOf(body));
    }

    @Test
    void shouldStillExplainA4xx() {
        ErrorContext context = ErrorContext.builder(HttpRequest.GET("/api/gateway/tenants"))
                .errorMessage("Required argument [String key] not specified").build();
        Map<String, Object> body = processor.processResponse(context, HttpResponse.status(HttpStatus.BAD_REQUEST))
                .body();
        assertEquals("Required argument [String key] not specified", body.get("detail"));
    }
}
