package dev.gateway.problems;

import io.micronaut.serde.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ProblemTest {

    private final ObjectMapper json = ObjectMapper.getDefault();

    @Test
    void shouldLeaveOutWhatAProblemDoesNotHave() throws Exception {
        assertEquals("{\"type\":\"https://gateway.dev/problems/not-found\",\"title\":\"Not found\",\"status\":404}",
                json.writeValueAsString(Problem.of(404, "not-found", "Not found", null)));
    }

    @Test
    void shouldListBrokenRulesAndFlattenExtensions() throws Exception {
        Problem problem = new Problem(Problem.TYPE_BASE + "illegal-transition", "Conflict", 409, "no",
                List.of(new FieldError(null, "no")), Map.of("from", "deleted"));
        assertEquals("{\"type\":\"https://gateway.dev/problems/illegal-transition\",\"title\":\"Conflict\","
                + "\"status\":409,\"detail\":\"no\",\"errors\":[{\"message\":\"no\"}],\"from\":\"deleted\"}",
                json.writeValueAsString(problem));
    }
}
