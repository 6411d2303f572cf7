package dev.gateway.chaos.workload;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gateway.chaos.client.AdminApi;
import dev.gateway.chaos.client.HttpAnswer;
import dev.gateway.chaos.stores.Stores;

/**
 * The pool of each isolation mode on the suite's PostgreSQL: {@code default} (database isolation, created by
 * the registry at its first start) and {@code chaos-schema} (schema isolation, created here once).
 */
public record Pools(String databasePoolId, String schemaPoolId) {

    private static final String SCHEMA_POOL = "chaos-schema";

    public static Pools ensure(AdminApi api, int postgresPort) {
        String database = find(api, "default");
        String schema = find(api, SCHEMA_POOL);
        if (schema == null) {
            HttpAnswer created = api.createPool(SCHEMA_POOL, "127.0.0.1", postgresPort, Stores.SHARED_TENANT_DATABASE, "schema", 100_000);
            if (!created.is(201)) {
                throw new IllegalStateException("schema pool not created: " + created.describe());
            }
            schema = created.json().path("id").asText();
        }
        if (database == null) {
            throw new IllegalStateException("the registry created no default pool");
        }
        return new Pools(database, schema);
    }

    public String id(Isolation isolation) {
        return isolation == Isolation.DATABASE ? databasePoolId : schemaPoolId;
    }

    private static String find(AdminApi api, String name) {
        HttpAnswer pools = api.pools();
        if (!pools.is(200)) {
            throw new IllegalStateException("pools not listed: " + pools.describe());
        }
        for (JsonNode pool : pools.json().path("items")) {
            if (name.equals(pool.path("name").asText())) {
                return pool.path("id").asText();
            }
        }
        return null;
    }
}
