package dev.gateway.routes.reconcile;

import dev.gateway.routes.registry.ServiceTokens;
import dev.gateway.routes.support.RegistryTokens;
import dev.gateway.routes.support.RoutesItBase;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest
class RouteStatusAuthIT extends RoutesItBase {

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    ServiceTokens serviceTokens;

    @Test
    void shouldRefuseAnonymousCallersWithAProblem() {
        assertProblem(401, "unauthorized", HttpRequest.GET("/routes/status"));
    }

    @Test
    void shouldAnswerTheRegistrysServiceToken() {
        String token = serviceTokens.current();

        Map<?, ?> status = http.toBlocking().retrieve(HttpRequest.GET("/routes/status").bearerAuth(token), Map.class);

        assertEquals(env.root, status.get("root_key"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"admin", "viewer"})
    void shouldAnswerAdminTokens(String role) {
        HttpResponse<String> response = http.toBlocking().exchange(HttpRequest.GET("/routes/status")
                .bearerAuth(RegistryTokens.token("alice", role)), String.class);

        assertEquals(200, response.code());
    }

    @Test
    void shouldRefuseTokensTheRegistryDidNotIssueForThisAudience() {
        for (String token : List.of(RegistryTokens.tokenFromAnotherKey("service"),
                RegistryTokens.token("app-gateway", RegistryTokens.AUDIENCE, "service"),
                RegistryTokens.token(RegistryTokens.ISSUER, "gateway-tenant", "service"),
                "not-a-jwt")) {
            assertProblem(401, "unauthorized", HttpRequest.GET("/routes/status").bearerAuth(token));
        }
    }

    @Test
    void shouldRefuseARoleWithoutAccess() {
        assertProblem(403, "forbidden",
                HttpRequest.GET("/routes/status").bearerAuth(RegistryTokens.token("bob", "member")));
    }

    @Test
    void shouldKeepHealthOpen() {
        assertEquals(200, http.toBlocking().exchange(HttpRequest.GET("/health/liveness"), String.class).code());
    }

    private void assertProblem(int status, String type, HttpRequest<?> request) {
        HttpClientResponseException refused = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().retrieve(request, String.class));
        assertEquals(status, refused.getStatus().getCode());
        assertEquals("application/problem+json", refused.getResponse().getContentType().orElseThrow().toString());
        String body = refused.getResponse().getBody(String.class).orElseThrow();
        assertTrue(body.contains("https://gateway.dev/problems/" + type), body);
        assertFalse(body.contains(env.root), "nothing about the routes");
    }
}
