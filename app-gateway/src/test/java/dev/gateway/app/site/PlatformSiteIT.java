package dev.gateway.app.site;

import dev.gateway.app.support.Api.Reply;
import dev.gateway.app.support.GatewayIntegrationTest;
import dev.gateway.app.support.Loopback;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The base domain and the tenant hosts as a browser sees them: the landing site and the workspace site with their
 * history fallback and the admin UI's security headers, the bundle files cached for good, and the platform API
 * relayed to the registry (a fake here) with the client's address, without connection headers or credentials.
 */
@MicronautTest
class PlatformSiteIT extends GatewayIntegrationTest {

    static final String HTML = "text/html,application/xhtml+xml,*/*;q=0.8";
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
            + "frame-ancestors 'none'";

    private final FakeRegistry registry = new FakeRegistry();

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("gateway.registry-url", registry.url(),
                "micronaut.http.services.registry.read-timeout", "1s",
                "micronaut.server.max-request-size", "10KB");
    }

    @AfterAll
    void stopRegistry() {
        registry.close();
    }

    @Test
    void shouldServeTheLandingSiteOnThePlatformsHosts() {
        for (String[] request : new String[][]{{"/", "localhost:8000"}, {"/signup/acme", "localhost:8000"},
                {"/login", "www.localhost:8000"}, {"/", "127.0.0.1:8000"}}) {
            Reply page = api().get(request[0], "Host", request[1], "Accept", HTML);
            assertEquals(200, page.status(), String.join(" ", request));
            assertTrue(page.body().contains("id=\"landing\""), page.body());
            assertTrue(page.header("Content-Type").startsWith("text/html"));
            assertEquals("no-store", page.header("Cache-Control"));
            assertSecurityHeaders(page);
        }
    }

    @Test
    void shouldServeTheWorkspaceSiteOnATenantsHost() {
        for (String path : List.of("/", "/activate", "/projects/42", "/users")) {
            Reply page = api().get(path, "Host", "acme.localhost:8000", "Accept", HTML);
            assertEquals(200, page.status(), path);
            assertTrue(page.body().contains("id=\"workspace\""), page.body());
            assertSecurityHeaders(page);
        }
    }

    @Test
    void shouldKeepA404ProblemForWhatIsNoPage() {
        for (String[] request : new String[][]{{"/nothing", "application/json"}, {"/assets/missing.js", HTML},
                {"/prometheus", HTML}, {"/beans", HTML}}) {
            Reply reply = api().get(request[0], "Host", "localhost:8000", "Accept", request[1]);
            assertEquals(404, reply.status(), String.join(" ", request) + ": " + reply.body());
            assertEquals("not-found", reply.problem());
            assertSecurityHeaders(reply);
        }
        Reply api = api().get("/api/unknown", "Host", "localhost:8000", "Accept", HTML);
        assertEquals("missing-tenant", api.problem(), "an /api path is never a page");
        assertSecurityHeaders(api);
    }

    @Test
    void shouldCacheBundleFilesForGood() {
        Reply asset = api().get("/assets/site-test.js", "Host", "acme.localhost:8000");
        assertEquals(200, asset.status());
        assertTrue(asset.body().contains("site-test"));
        assertEquals("public, max-age=31536000, immutable", asset.header("Cache-Control"));
        assertSecurityHeaders(asset);
    }

    @Test
    void shouldRelayThePlatformApiToTheRegistry() {
        registry.received().clear();
        Reply plans = api().get("/api/platform/plans?self_service=true", "Host", "localhost:8000",
                "X-Forwarded-For", "203.0.113.9", "Authorization", "Bearer tenant-token", "Cookie", "session=1");

        assertEquals(200, plans.status(), plans.body());
        assertEquals(Map.of("seen", "GET /api/platform/plans?self_service=true"), plans.json());
        assertEquals("yes", plans.header("X-Registry"));
        assertNull(plans.header("Proxy-Authenticate"), "hop-by-hop headers stay with their connection");
        assertNull(plans.header("Keep-Alive"));
        assertSecurityHeaders(plans);
        FakeRegistry.Received seen = registry.received().get(0);
        assertEquals("203.0.113.9, 127.0.0.1", seen.headers().getFirst("X-Forwarded-For"));
        assertNull(seen.headers().getFirst("Authorization"));
        assertNull(seen.headers().getFirst("Cookie"));
    }

    @Test
    void shouldRelayABodyWithoutConnectionHeaders() {
        registry.received().clear();
        String json = "{\"company_name\":\"Acme\",\"key\":\"acme\",\"admin_email\":\"ops@acme.example\",\"plan\":\"free\"}";
        Reply created = Loopback.post(server.getURI(), "127.0.0.1", "/api/platform/signups", json,
                "Connection", "X-Hop-Secret", "X-Hop-Secret", "1", "Keep-Alive", "timeout=9", "X-Request", "kept");

        assertEquals(202, created.status(), created.body());
        FakeRegistry.Received seen = registry.received().get(0);
        assertEquals("POST", seen.method());
        assertEquals(json, seen.body());
        assertEquals("kept", seen.headers().getFirst("X-Request"));
        assertNull(seen.headers().getFirst("X-Hop-Secret"));
        assertNull(seen.headers().getFirst("Keep-Alive"));
    }

    @Test
    void shouldRefuseWhatTheRegistryMustNotSee() {
        registry.received().clear();
        Reply onTenantHost = api().get("/api/platform/plans", "Host", "acme.localhost:8000");
        assertEquals(404, onTenantHost.status());
        assertEquals("not-found", onTenantHost.problem());
        for (String path : List.of("//api//platform//plans", "/api//platform/plans", "/api/platform//plans")) {
            Reply emptySegments = Loopback.send(server.getURI(), "127.0.0.1", "GET", path, "");
            assertEquals(404, emptySegments.status(), path + ": " + emptySegments.body());
            assertEquals("not-found", emptySegments.problem());
        }
        Reply tooLarge = api().post("/api/platform/signups", "{\"x\":\"" + "y".repeat(20_000) + "\"}",
                "Host", "localhost:8000");
        assertEquals(413, tooLarge.status());
        assertEquals("payload-too-large", tooLarge.problem());
        for (String encoding : List.of("gzip", "deflate")) {
            Reply undecodable = api().post("/api/platform/signups", "{\"key\":\"plain\"}",
                    "Host", "localhost:8000", "Content-Encoding", encoding);
            assertEquals(400, undecodable.status(), encoding + ": " + undecodable.body());
            assertEquals("validation", undecodable.problem());
        }
        assertEquals(List.of(), registry.received());
    }

    @Test
    void shouldAnswer504WhenTheRegistryTakesTooLong() {
        Reply slow = api().get("/api/platform/slow", "Host", "localhost:8000");
        assertEquals(504, slow.status(), slow.body());
        assertEquals("upstream-timeout", slow.problem());
    }

    private static void assertSecurityHeaders(Reply reply) {
        assertEquals(CSP, reply.header("Content-Security-Policy"));
        assertEquals("nosniff", reply.header("X-Content-Type-Options"));
        assertEquals("no-referrer", reply.header("Referrer-Policy"));
        assertEquals("DENY", reply.header("X-Frame-Options"));
        assertEquals("same-origin", reply.header("Cross-Origin-Opener-Policy"));
        assertEquals("camera=(), microphone=(), geolocation=()", reply.header("Permissions-Policy"));
    }
}
