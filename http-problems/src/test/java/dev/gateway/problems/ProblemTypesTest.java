package dev.gateway.problems;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ProblemTypesTest {

    @Test
    void shouldNameEachStatusTheFrameworkAnswers() {
        assertEquals("validation", ProblemTypes.slugFor(400));
        assertEquals("validation", ProblemTypes.slugFor(422));
        assertEquals("unauthorized", ProblemTypes.slugFor(401));
        assertEquals("forbidden", ProblemTypes.slugFor(403));
        assertEquals("not-found", ProblemTypes.slugFor(404));
        assertEquals("method-not-allowed", ProblemTypes.slugFor(405));
        assertEquals("not-acceptable", ProblemTypes.slugFor(406));
        assertEquals("conflict", ProblemTypes.slugFor(409));
        assertEquals("payload-too-large", ProblemTypes.slugFor(413));
        assertEquals("unsupported-media-type", ProblemTypes.slugFor(415));
        assertEquals("bad-request", ProblemTypes.slugFor(418));
        assertEquals("internal", ProblemTypes.slugFor(500));
        assertEquals("internal", ProblemTypes.slugFor(503));
    }
}
