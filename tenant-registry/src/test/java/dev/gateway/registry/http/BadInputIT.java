package dev.gateway.registry.http;

import dev.gateway.registry.support.AdminApiIT;
import dev.gateway.registry.support.Api;
import dev.gateway.registry.support.Keys;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.gateway.registry.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Strings PostgreSQL cannot store (a NUL character, SQL state 22021) and bodies that cannot be decoded are the
 * caller's fault: 400, never a 500.
 */
@MicronautTest(transactional = false)
class BadInputIT extends AdminApiIT {

    private static final String NUL = "a\u0000b";

    @Test
    void shouldRefuseANulInALoginAsBadInput() {
        Api anonymous = new Api(client, null);
        assertBadInput(anonymous.send(HttpRequest.POST("/api/gateway/auth/login",
                Map.of("username", NUL, "password", "whatever"))));
        assertProblem(anonymous.send(HttpRequest.POST("/api/gateway/auth/login",
                Map.of("username", "admin", "password", NUL))), 401, "unauthorized");
    }

    @Test
    void shouldRefuseANulInTenantFieldsAsBadInput() {
        assertBadInput(api.send(HttpRequest.POST(TENANTS, Map.of("key", Keys.tenantKey(), "company_name", NUL))));
        assertBadInput(api.send(HttpRequest.POST(TENANTS, Map.of("key", Keys.tenantKey(), "company_name", "Acme",
                "admin_email", "a\u0000b@example.com"))));
        assertBadInput(api.send(HttpRequest.POST(TENANTS, Map.of("key", NUL, "company_name", "Acme"))));
        String key = Keys.tenantKey();
        api.createTenant(key);
        assertBadInput(api.send(HttpRequest.PATCH(TENANTS + "/" + key, Map.of("company_name", NUL))));
        assertBadInput(api.send(HttpRequest.PATCH(TENANTS + "/" + key, Map.of("plan", NUL))));
        assertBadInput(api.send(HttpRequest.GET(TENANTS + "?q=a%00b")));
        HttpResponse<Map> byKey = api.send(HttpRequest.GET(TENANTS + "/a%00b"));
        assertFalse(byKey.code() >= 500, "GET by a NUL key answered " + byKey.code());
    }

    @Test
    void shouldRefuseANulInPoolAndPlanFieldsAsBadInput() {
        assertBadInput(api.send(HttpRequest.POST("/api/gateway/pools", Map.of("name", NUL, "host", "127.0.0.1"))));
        assertBadInput(api.send(HttpRequest.POST("/api/gateway/pools",
                Map.of("name", "nul-" + Keys.tenantKey(), "host", "127.0.0.1", "database", NUL))));
        assertBadInput(api.send(HttpRequest.POST("/api/gateway/plans",
                Map.of("key", NUL, "rate_per_second", 1, "burst", 1, "max_users", 1))));
        assertBadInput(api.send(HttpRequest.POST("/api/gateway/plans", Map.of("key", "nul-" + Keys.tenantKey()
                .substring(0, 8), "rate_per_second", 1, "burst", 1, "max_users", 1, "features", List.of(NUL)))));
    }

    @Test
    void shouldRefuseABodyThatIsNotInTheEncodingItNames() {
        for (String encoding : List.of("gzip", "deflate")) {
            assertBadInput(api.send(HttpRequest.POST("/api/gateway/pools", Map.of("name", "plain-" + encoding))
                    .header("Content-Encoding", encoding)));
        }
    }

    @Test
    void shouldNameTheFieldOfAWrongValueButNoClass() {
        HttpResponse<Map> wrongType = api.send(HttpRequest.POST(TENANTS, Map.of("key", Keys.tenantKey(),
                "company_name", "Acme", "pool_id", -1)));
        assertBadInput(wrongType);
        String detail = String.valueOf(Api.body(wrongType).get("detail"));
        assertTrue(detail.startsWith("invalid value for pool_id"), detail);
        assertFalse(detail.contains("dev.gateway") || detail.contains("class") || detail.contains("java."), detail);
    }

    @Test
    void shouldRefuseARequestFromAnotherOriginToALocalAddressWithAProblem() {
        assertProblem(api.send(HttpRequest.GET(TENANTS).header("Origin", "https://evil.example")), 403, "forbidden");
    }

    private static void assertBadInput(HttpResponse<Map> response) {
        assertProblem(response, 400, "validation");
        assertFalse(String.valueOf(Api.body(response)).contains("SQL"), "internal text in " + Api.body(response));
    }
}
