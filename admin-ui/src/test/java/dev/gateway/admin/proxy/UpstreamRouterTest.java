package dev.gateway.admin.proxy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URI;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

class UpstreamRouterTest {

    private final UpstreamRouter router = new UpstreamRouter(new UpstreamConfiguration(URI.create("http://registry"),
            URI.create("http://provisioner"), URI.create("http://usage"), Duration.ofSeconds(1), Duration.ofSeconds(1),
            Duration.ofSeconds(1)));

    @ParameterizedTest
    @CsvSource({
            "/api/gateway/usage, usage-meter",
            "/api/gateway/usage/top, usage-meter",
            "/api/gateway/usage/sparklines, usage-meter",
            "/api/gateway/tenants/acme/activity, usage-meter",
            "/api/gateway/usages, registry",
            "/api/gateway/tenants/acme, registry",
            "/api/gateway/tenants/acme/events, registry",
            "/api/gateway/tenants/acme/activity/7, registry",
            "/api/gateway/tenants//activity, registry",
            "/api/gateway/migrations, provisioner",
            "/api/gateway/migrations/run-1, provisioner",
            "/api/gateway/migrationsx, registry"})
    void shouldRouteEachPathToTheServiceThatOwnsIt(String path, String upstream) {
        assertEquals(upstream, router.route(path).name());
    }
}
