package dev.gateway.registry.support;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

public final class Problems {

    private Problems() {
    }

    /** Status, problem+json content type and the DESIGN.md §7 type suffix. */
    public static void assertProblem(HttpResponse<Map> response, int status, String type) {
        Map<String, Object> body = Api.body(response);
        assertEquals(status, response.code(), String.valueOf(body));
        assertEquals("https://gateway.dev/problems/" + type, body.get("type"), String.valueOf(body));
        assertEquals(status, ((Number) body.get("status")).intValue());
        assertTrue(response.getContentType().map(MediaType::toString).orElse("").startsWith("application/problem+json"),
                "content type " + response.getContentType());
    }
}
