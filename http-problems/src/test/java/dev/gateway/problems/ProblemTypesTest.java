package dev.gateway.problems;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ProblemTypesTest {

    private final ProblemTypes standard = new ProblemTypes(null, null);

    @Test
    void shouldNameEachStatusTheFrameworkAnswers() {
        Map.ofEntries(Map.entry(400, "validation"), Map.entry(422, "validation"), Map.entry(401, "unauthorized"),
                Map.entry(403, "forbidden"), Map.entry(404, "not-found"), Map.entry(405, "method-not-allowed"),
                Map.entry(406, "not-acceptable"), Map.entry(409, "conflict"), Map.entry(413, "payload-too-large"),
                Map.entry(415, "unsupported-media-type"), Map.entry(418, "bad-request"), Map.entry(500, "internal"),
                Map.entry(503, "internal")).forEach((status, slug) -> assertEquals(slug, standard.slugFor(status)));
    }

    @Test
    void shouldNameAStatusAsTheServiceRenamedIt() {
        ProblemTypes renamed = new ProblemTypes(Map.of("413", "validation"), null);
        assertEquals("validation", renamed.slugFor(413));
        assertEquals("method-not-allowed", renamed.slugFor(405));
        assertEquals(413, renamed.statusFor(413));
    }
}
