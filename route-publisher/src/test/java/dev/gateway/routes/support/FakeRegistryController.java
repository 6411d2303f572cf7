package dev.gateway.routes.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.gateway.events.TenantSnapshot;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Test stand-in for the tenant-registry's service API: {@code POST /api/gateway/auth/service-token} (tokens signed
 * as the registry signs them), the paged {@code GET /api/gateway/tenants} with bearer checks, and the JWKS, so the
 * real client and token verification are exercised.
 */
@Requires(property = "fake-registry.enabled", value = "true")
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
public class FakeRegistryController {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final FakeRegistry registry;

    public FakeRegistryController(FakeRegistry registry) {
        this.registry = registry;
    }

    @Get(uri = "/.well-known/jwks.json", produces = MediaType.APPLICATION_JSON)
    public Map<String, Object> jwks() {
        return RegistryTokens.jwks();
    }

    @Post(uri = "/api/gateway/auth/service-token", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<String> serviceToken(@Body Map<String, String> credential) {
        if (registry.isDown()) {
            return HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE);
        }
        if (!"route-publisher".equals(credential.get("client_id"))
                || !FakeRegistry.SECRET.equals(credential.get("client_secret"))) {
            return HttpResponse.<String>status(HttpStatus.UNAUTHORIZED).body("{\"type\":\"unauthorized\"}");
        }
        return HttpResponse.ok(write(Map.of("access_token", registry.issueToken(credential.get("client_id")),
                "token_type", "Bearer",
                "expires_in", 300)));
    }

    @Get(uri = "/api/gateway/tenants", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<String> tenants(@QueryValue(defaultValue = "50") int limit,
                                        @Nullable @QueryValue String cursor,
                                        @Nullable @Header(HttpHeaders.AUTHORIZATION) String authorization) {
        if (registry.isDown()) {
            return HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE);
        }
        if (authorization == null || !registry.accepts(authorization.replaceFirst("^Bearer ", ""))) {
            return HttpResponse.<String>status(HttpStatus.UNAUTHORIZED).body("{\"type\":\"unauthorized\"}");
        }
        List<TenantSnapshot> page = registry.page(cursor, Math.min(limit, 500));
        String last = page.isEmpty() ? null : page.get(page.size() - 1).key();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", page);
        body.put("next_cursor", last != null && registry.hasAfter(last) ? last : null);
        return HttpResponse.ok(write(body));
    }

    private static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
