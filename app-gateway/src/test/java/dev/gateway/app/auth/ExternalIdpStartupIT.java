package dev.gateway.app.auth;

import dev.gateway.app.support.TestServices;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A half or loosely configured external identity provider stops the start with a message naming the setting. */
class ExternalIdpStartupIT {

    @Test
    void shouldNotStartWithAnExternalIssuerButNoAudience() {
        assertStartFails(Map.of("gateway.auth.external.jwks-url", "http://127.0.0.1:1/jwks",
                "gateway.auth.external.issuer", "https://idp.example.test"), "GATEWAY_APP_JWT_AUDIENCE");
    }

    @Test
    void shouldNotStartWithHalfAnExternalIdp() {
        assertStartFails(Map.of("gateway.auth.external.jwks-url", "http://127.0.0.1:1/jwks",
                "gateway.auth.external.audience", "tenant-api"), "GATEWAY_APP_JWT_ISSUER");
    }

    @Test
    void shouldNotStartWithARoleMappedToAnUnknownRole() {
        assertStartFails(Map.of("gateway.auth.external.jwks-url", "http://127.0.0.1:1/jwks",
                "gateway.auth.external.issuer", "https://idp.example.test",
                "gateway.auth.external.audience", "tenant-api",
                "gateway.auth.external.role-map", "owners=superuser"), "GATEWAY_APP_ROLE_MAP");
    }

    private static void assertStartFails(Map<String, Object> external, String naming) {
        Map<String, Object> properties = new HashMap<>(external);
        properties.put("gateway.home", "target/it-home");
        properties.put("gateway.redis.uri", TestServices.REDIS_URI);
        properties.put("gateway.db.servers", TestServices.PG_HOST + ":" + TestServices.PG_PORT);
        RuntimeException failure = assertThrows(RuntimeException.class, () -> ApplicationContext.run(properties).close());
        StringBuilder messages = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            messages.append(t.getMessage()).append('\n');
        }
        assertTrue(messages.toString().contains(naming), messages.toString());
    }
}
