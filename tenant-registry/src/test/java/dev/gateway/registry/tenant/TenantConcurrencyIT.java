package dev.gateway.registry.tenant;

import dev.gateway.registry.support.AdminApiIT;
import dev.gateway.registry.support.Api;
import dev.gateway.registry.support.Keys;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

import static dev.gateway.registry.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;

@MicronautTest(transactional = false)
class TenantConcurrencyIT extends AdminApiIT {

    @Test
    void shouldLetExactlyOneOfConcurrentCreatesOfTheSameKeyWin() throws Exception {
        String key = Keys.tenantKey();
        List<HttpResponse<Map>> responses = concurrently(10,
                i -> () -> api.send(HttpRequest.POST(TENANTS, Map.of("key", key, "company_name", "Racer " + i))));
        assertEquals(1, responses.stream().filter(r -> r.code() == 202).count());
        responses.stream().filter(r -> r.code() != 202).forEach(r -> assertProblem(r, 409, "tenant-exists"));
        assertEquals(1, api.items(TENANTS + "/" + key + "/events").size());
    }

    @Test
    void shouldNeverPlaceMoreTenantsThanThePoolHolds() throws Exception {
        String poolId = api.createPool("cap", "isolation", "schema", "max_tenants", 5);
        List<HttpResponse<Map>> responses = concurrently(20, i -> () -> api.send(HttpRequest.POST(TENANTS,
                Map.of("key", Keys.tenantKey(), "company_name", "Crowd " + i, "pool_id", poolId))));
        assertEquals(5, responses.stream().filter(r -> r.code() == 202).count());
        responses.stream().filter(r -> r.code() != 202).forEach(r -> assertProblem(r, 409, "pool-full"));
        Map<String, Object> after = Api.body(api.send(HttpRequest.GET("/api/gateway/pools/" + poolId)));
        assertEquals(5, ((Number) after.get("tenant_count")).intValue());
        responses.stream().filter(r -> r.code() == 202).map(Api::body).forEach(t -> {
            assertEquals("gateway_tenants", t.get("db_name"));
            assertEquals("schema", t.get("isolation"));
        });

        assertProblem(api.send(HttpRequest.PATCH("/api/gateway/pools/" + poolId, Map.of("host", "10.0.0.9"))),
                409, "pool-in-use");
        assertEquals(200, api.send(HttpRequest.PATCH("/api/gateway/pools/" + poolId, Map.of("max_tenants", 6))).code());
        assertEquals(202, api.send(HttpRequest.POST(TENANTS, Map.of("key", Keys.tenantKey(), "company_name", "Sixth",
                "pool_id", poolId))).code());
        assertProblem(api.send(HttpRequest.POST(TENANTS, Map.of("key", Keys.tenantKey(), "company_name", "Seventh",
                "pool_id", poolId))), 409, "pool-full");
    }

    @Test
    void shouldRefuseNewTenantsOnADrainingPool() {
        String poolId = api.createPool("drain");
        HttpResponse<Map> patched = api.send(HttpRequest.PATCH("/api/gateway/pools/" + poolId,
                Map.of("status", "draining")));
        assertEquals("draining", Api.body(patched).get("status"));
        assertProblem(api.send(HttpRequest.POST(TENANTS, Map.of("key", Keys.tenantKey(), "company_name", "Late",
                "pool_id", poolId))), 400, "validation");
        assertProblem(api.send(HttpRequest.PATCH("/api/gateway/pools/" + poolId, Map.of("status", "closed"))),
                400, "validation");
        assertProblem(api.send(HttpRequest.GET("/api/gateway/pools/" + UUID.randomUUID())), 404, "pool-not-found");
    }

    private static <T> List<T> concurrently(int n, IntFunction<Callable<T>> task)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Callable<T> call = task.apply(i);
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
