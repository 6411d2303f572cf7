package dev.gateway.problems;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

class ProblemErrorResponseProcessorTest {

    private final ProblemErrorResponseProcessor processor = new ProblemErrorResponseProcessor(new ProblemTypes(null, null));

    @Test
    void shouldKeepTheFrameworksMessagesOutOfA5xxBody() {
        ErrorContext context = ErrorContext.builder(HttpRequest.GET("/api/things"))
                .cause(new IllegalStateException("org.postgresql.util.PSQLException: relation registry.x"))
                .errorMessage("Internal Server Error: org.postgresql.util.PSQLException: relation registry.x")
                .errorMessage("second internal message")
                .build();
        MutableHttpResponse<Problem> response = processor.processResponse(context,
                HttpResponse.status(HttpStatus.INTERNAL_SERVER_ERROR));
        Problem body = response.body();
        assertEquals(500, response.code());
        assertEquals(Problem.CONTENT_TYPE, response.getContentType().orElseThrow().toString());
        assertEquals("https://gateway.dev/problems/internal", body.type());
        assertEquals("internal error", body.detail());
        assertNull(body.errors());
        assertFalse(body.toString().contains("PSQLException"), body.toString());
    }

    @Test
    void shouldExplainA4xxWithEveryMessageAndNoClassName() {
        ErrorContext context = ErrorContext.builder(HttpRequest.POST("/api/things", "{}"))
                .errorMessage("Required argument [String key] not specified")
                .errorMessage("java.lang.NumberFormatException: x")
                .build();
        Problem body = processor.processResponse(context, HttpResponse.status(HttpStatus.BAD_REQUEST)).body();
        assertEquals("https://gateway.dev/problems/validation", body.type());
        assertEquals("Bad Request", body.title());
        assertEquals("Required argument [String key] not specified; " + FrameworkMessages.UNREADABLE, body.detail());
        assertEquals(List.of(new FieldError(null, "Required argument [String key] not specified"),
                new FieldError(null, FrameworkMessages.UNREADABLE)), body.errors());
    }

    @Test
    void shouldNameAStatusWithoutMessagesByItsReason() {
        Problem body = processor.processResponse(ErrorContext.builder(HttpRequest.GET("/x")).build(),
                HttpResponse.status(HttpStatus.NOT_ACCEPTABLE)).body();
        assertEquals("https://gateway.dev/problems/not-acceptable", body.type());
        assertEquals("Not Acceptable", body.detail());
        assertNull(body.errors());
    }

    @Test
    void shouldAnswerAHeadWithoutABody() {
        MutableHttpResponse<Problem> response = processor.processResponse(
                ErrorContext.builder(HttpRequest.HEAD("/x")).errorMessage("nothing here").build(),
                HttpResponse.status(HttpStatus.NOT_FOUND));
        assertEquals(Problem.CONTENT_TYPE, response.getContentType().orElseThrow().toString());
        assertFalse(response.getBody().isPresent());
    }

    @Test
    void shouldAnswerAStatusAsTheServiceRestatedIt() {
        ProblemErrorResponseProcessor restating = new ProblemErrorResponseProcessor(
                new ProblemTypes(null, Map.of("413", "400")));
        MutableHttpResponse<Problem> response = restating.processResponse(ErrorContext.builder(HttpRequest.POST("/x", ""))
                .errorMessage("The content length [2000000] exceeds the maximum allowed content length [1048576]")
                .build(), HttpResponse.status(HttpStatus.REQUEST_ENTITY_TOO_LARGE));
        assertEquals(400, response.code());
        assertEquals(400, response.body().status());
        assertEquals("https://gateway.dev/problems/validation", response.body().type());
    }
}
