package dev.gateway.chaos.fuzz;

import dev.gateway.chaos.client.HttpAnswer;
import dev.gateway.chaos.fuzz.AnswerRules.Offence;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AnswerRulesTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String BODY = "{\"type\":\"https://gateway.dev/problems/validation\",\"status\":400}";

    private static Optional<Offence> judge(int status, String type, String body) {
        return judge("GET", status, type, body);
    }

    private static Optional<Offence> judge(String method, int status, String type, String body) {
        return AnswerRules.judge(method, new HttpAnswer(status, type, body, 5, null)).map(AnswerRules.Finding::offence);
    }

    @Test
    void problemsAndSuccessesPass() {
        assertEquals(Optional.empty(), judge(400, PROBLEM, BODY));
        assertEquals(Optional.empty(), judge(404, PROBLEM + ";charset=UTF-8", BODY));
        assertEquals(Optional.empty(), judge(200, "application/json", "{\"items\":[]}"));
        assertEquals(Optional.empty(), judge(200, "text/html", "<!doctype html><div id=root></div>"));
    }

    @Test
    void onlyA503ProblemIsAnAcceptable5xx() {
        assertEquals(Optional.empty(), judge(503, PROBLEM, BODY));
        assertEquals(Optional.of(Offence.SERVER_ERROR), judge(503, "text/plain", "down"));
        assertEquals(Optional.of(Offence.SERVER_ERROR), judge(500, PROBLEM, BODY));
        assertEquals(Optional.of(Offence.SERVER_ERROR), judge(502, PROBLEM, BODY));
    }

    @Test
    void anErrorInAnotherFormatIsRefused() {
        assertEquals(Optional.of(Offence.NOT_A_PROBLEM), judge(400, "application/json", BODY));
        assertEquals(Optional.of(Offence.NOT_A_PROBLEM), judge(404, "text/html", "<h1>Not Found</h1>"));
        assertEquals(Optional.of(Offence.NOT_A_PROBLEM), judge(413, null, ""));
    }

    @Test
    void internalsInAnyBodyAreALeak() {
        for (String leak : new String[]{
                "Failed to convert argument: java.lang.NumberFormatException: For input string",
                "\tat dev.gateway.registry.tenant.TenantService.create(TenantService.java:42)",
                "NullPointerException", "org.postgresql.util.PSQLException: ERROR: invalid byte sequence",
                "ERROR: duplicate key value violates unique constraint \"tenant_key\"",
                "Cannot deserialize value of type `java.lang.Integer`",
                "SELECT id, key FROM registry.tenant WHERE key = ?",
                "io.micronaut.http.exceptions.HttpStatusException", "Caused by: x"}) {
            assertEquals(Optional.of(Offence.LEAK), judge(400, PROBLEM, "{\"detail\":\"" + leak + "\"}"), leak);
        }
        assertEquals(Optional.of(Offence.LEAK), judge(200, "application/json", "{\"error\":\"java.io.IOException\"}"));
    }

    @Test
    void plainWordsAndTheSpaBundleAreNoLeak() {
        assertEquals(Optional.empty(), judge(400, PROBLEM, "{\"title\":\"Internal Server Error\",\"detail\":"
                + "\"select a plan from the list; the key must be lower-case\"}"));
        assertEquals(Optional.empty(), judge(200, "text/javascript", "throw new TypeError(\"java.x\")"));
    }

    @Test
    void onlyAHeadTheDecoderRefusedMayLackTheProblemType() {
        assertEquals(Optional.empty(), judge("HEAD", 400, null, ""));
        assertEquals(Optional.empty(), judge("HEAD", 413, null, ""));
        assertEquals(Optional.of(Offence.NOT_A_PROBLEM), judge("GET", 400, null, ""));
        assertEquals(Optional.of(Offence.NOT_A_PROBLEM), judge("HEAD", 403, null, ""));
        assertEquals(Optional.of(Offence.NOT_A_PROBLEM), judge("HEAD", 400, "application/json", ""));
    }

    @Test
    void noAnswerOrNoAnswerInTimeIsAnOffence() {
        assertEquals(Optional.of(Offence.NO_ANSWER), judge(HttpAnswer.TIMED_OUT, null, null));
        assertEquals(Optional.of(Offence.NO_ANSWER), judge(HttpAnswer.NO_ANSWER, null, null));
    }
}
