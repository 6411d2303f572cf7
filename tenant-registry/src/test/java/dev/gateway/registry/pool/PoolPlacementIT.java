package dev.gateway.registry.pool;

import dev.gateway.registry.support.AdminApiIT;
import dev.gateway.registry.support.Api;
import dev.gateway.registry.support.Keys;
import dev.gateway.registry.support.RegistryFixture;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static dev.gateway.registry.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Pools only on the configured servers, and never on a template or the platform database. */
@MicronautTest(transactional = false)
class PoolPlacementIT extends AdminApiIT {

    private static final String POOLS = "/api/gateway/pools";

    @Override
    public Map<String, String> getProperties() {
        return RegistryFixture.properties("gateway.pool-servers", "127.0.0.1:1, DB2.internal:5433");
    }

    @Test
    void shouldCreatePoolsOnTheListedServersOnly() {
        assertEquals(201, create("host", "127.0.0.1", "port", 1).code());
        assertEquals(201, create("host", "db2.internal", "port", 5433).code());
        assertProblem(create("host", "attacker.example", "port", 5432), 422, "pool-host-not-allowed");
        assertProblem(create("host", "127.0.0.1"), 422, "pool-host-not-allowed");
        assertProblem(create("host", "db2.internal", "port", 5432), 422, "pool-host-not-allowed");
    }

    @Test
    void shouldNotMoveAnEmptyPoolToAnotherServer() {
        String id = api.createPool("move");
        assertProblem(api.send(HttpRequest.PATCH(POOLS + "/" + id, Map.of("host", "attacker.example"))), 422,
                "pool-host-not-allowed");
        assertProblem(api.send(HttpRequest.PATCH(POOLS + "/" + id, Map.of("port", 5432))), 422,
                "pool-host-not-allowed");
        HttpResponse<Map> moved = api.send(HttpRequest.PATCH(POOLS + "/" + id, Map.of("host", "db2.internal",
                "port", 5433)));
        assertEquals(200, moved.code());
        assertEquals("db2.internal", Api.body(moved).get("host"));
    }

    @Test
    void shouldRefuseTemplatesAndThePlatformDatabaseAsAPoolsDatabase() {
        String platform = RegistryFixture.properties().get("datasources.default.url").replaceAll(".*/", "");
        for (String database : new String[] {"template0", "template1", platform}) {
            assertProblem(create("host", "127.0.0.1", "port", 1, "database", database), 422, "validation");
            assertProblem(create("host", "127.0.0.1", "port", 1, "database", database, "isolation", "schema"), 422,
                    "validation");
        }
        String id = api.createPool("db");
        assertProblem(api.send(HttpRequest.PATCH(POOLS + "/" + id, Map.of("database", "template1"))), 422,
                "validation");
        assertEquals(201, create("host", "127.0.0.1", "port", 1, "database", "gateway_tenants").code());
    }

    private HttpResponse<Map> create(Object... fields) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "p-" + Keys.tenantKey());
        for (int i = 0; i < fields.length; i += 2) {
            body.put((String) fields[i], fields[i + 1]);
        }
        return api.send(HttpRequest.POST(POOLS, body));
    }
}
