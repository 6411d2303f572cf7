package dev.gateway.chaos.client;

import java.time.Duration;
import java.util.Map;

/** A tenant user's view of the app-gateway: log in, then call the tenant API with the token. */
public final class TenantApi {

    private final Http http;
    private final String gatewayUrl;

    public TenantApi(Http http, String gatewayUrl) {
        this.http = http;
        this.gatewayUrl = gatewayUrl;
    }

    /** {@code POST /api/auth/token} for the tenant named by {@code X-Tenant-ID}. */
    public HttpAnswer login(String tenant, String email, String password) {
        return http.send("POST", gatewayUrl + "/api/auth/token", Map.of("X-Tenant-ID", tenant),
                Json.of(Map.of("email", email, "password", password)), Duration.ofSeconds(10));
    }

    /** {@code POST /api/auth/activate}: accepts an invitation, setting the user's email and password. */
    public HttpAnswer activate(String tenant, String token, String email, String password) {
        return http.send("POST", gatewayUrl + "/api/auth/activate", Map.of("X-Tenant-ID", tenant),
                Json.of(Map.of("token", token, "email", email, "password", password)), Duration.ofSeconds(10));
    }

    public HttpAnswer me(String token, Duration timeout) {
        return get(token, "/api/me", timeout);
    }

    public HttpAnswer get(String token, String path, Duration timeout) {
        return http.get(gatewayUrl + path, Map.of("Authorization", "Bearer " + token), timeout);
    }

    /** {@code POST} of a JSON object as the token's user. */
    public HttpAnswer post(String token, String path, Map<String, ?> body) {
        return http.send("POST", gatewayUrl + path, Map.of("Authorization", "Bearer " + token), Json.of(body),
                Duration.ofSeconds(10));
    }
}
