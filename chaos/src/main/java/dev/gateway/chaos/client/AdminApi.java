package dev.gateway.chaos.client;

import dev.gateway.chaos.wait.Deadline;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The operators' API (registry, plus the provisioner's migration runs) as an admin. The token is shared by
 * every copy made with {@link #at}, since all registry instances sign with the same key.
 */
public final class AdminApi {

    public static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final Http http;
    private final String baseUrl;
    private final Login login;

    /** An admin of the registry at {@code registryUrl}, which also issues the token. */
    public AdminApi(Http http, String registryUrl, String user, String password) {
        this(http, registryUrl, new Login(registryUrl, user, password));
    }

    private AdminApi(Http http, String baseUrl, Login login) {
        this.http = http;
        this.baseUrl = baseUrl;
        this.login = login;
    }

    /** The same admin against another instance (a second registry, or the provisioner). */
    public AdminApi at(String otherBaseUrl) {
        return new AdminApi(http, otherBaseUrl, login);
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** The admin's bearer token (signing in first if needed). */
    public String token() {
        return login.token(http);
    }

    /** A tenant create request; a null {@code poolId}, {@code adminEmail} or {@code idempotencyKey} is left out. */
    public HttpAnswer createTenant(String key, String poolId, String plan, String adminEmail, String idempotencyKey) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("key", key);
        body.put("company_name", "Chaos " + key);
        if (poolId != null) {
            body.put("pool_id", poolId);
        }
        body.put("plan", plan);
        if (adminEmail != null) {
            body.put("admin_email", adminEmail);
        }
        Map<String, String> headers = idempotencyKey == null ? Map.of() : Map.of("Idempotency-Key", idempotencyKey);
        return call("POST", "/api/gateway/tenants", Json.of(body), headers, TIMEOUT);
    }

    public HttpAnswer tenant(String key) {
        return call("GET", "/api/gateway/tenants/" + key, null, Map.of(), TIMEOUT);
    }

    public HttpAnswer listTenants(int limit, Duration timeout) {
        return call("GET", "/api/gateway/tenants?limit=" + limit, null, Map.of(), timeout);
    }

    public HttpAnswer delete(String key) {
        return call("DELETE", "/api/gateway/tenants/" + key, null, Map.of(), TIMEOUT);
    }

    public HttpAnswer suspend(String key) {
        return call("POST", "/api/gateway/tenants/" + key + "/suspend", null, Map.of(), TIMEOUT);
    }

    public HttpAnswer pools() {
        return call("GET", "/api/gateway/pools", null, Map.of(), TIMEOUT);
    }

    public HttpAnswer createPool(String name, String host, int port, String database, String isolation, int maxTenants) {
        return call("POST", "/api/gateway/pools", Json.of(Map.of("name", name, "host", host, "port", port,
                "database", database, "isolation", isolation, "max_tenants", maxTenants)), Map.of(), TIMEOUT);
    }

    /** {@code POST /api/gateway/migrations {"all":true}}: call on the provisioner ({@link #at}). */
    public HttpAnswer startFleetMigration(int parallel) {
        return call("POST", "/api/gateway/migrations", Json.of(Map.of("all", true, "parallel", parallel)), Map.of(),
                TIMEOUT);
    }

    public HttpAnswer migrationRun(String runId) {
        return call("GET", "/api/gateway/migrations/" + runId, null, Map.of(), TIMEOUT);
    }

    /** Any request with a raw body, for probes; {@code timeout} bounds the wait for an answer. */
    public HttpAnswer call(String method, String path, String body, Map<String, String> headers, Duration timeout) {
        Map<String, String> all = new HashMap<>(headers);
        all.put("Authorization", "Bearer " + login.token(http));
        HttpAnswer answer = http.send(method, baseUrl + path, all, body, timeout);
        if (answer.is(401)) {
            login.forget();
            all.put("Authorization", "Bearer " + login.token(http));
            answer = http.send(method, baseUrl + path, all, body, timeout);
        }
        return answer;
    }

    /** The admin token, fetched once and shared; a login retries while the registry is restarting. */
    private static final class Login {
        private final String registryUrl;
        private final String user;
        private final String password;
        private String token;

        Login(String registryUrl, String user, String password) {
            this.registryUrl = registryUrl;
            this.user = user;
            this.password = password;
        }

        synchronized String token(Http http) {
            Deadline deadline = Deadline.in(Duration.ofSeconds(90));
            while (token == null) {
                HttpAnswer answer = http.send("POST", registryUrl + "/api/gateway/auth/login", Map.of(),
                        Json.of(Map.of("username", user, "password", password)), TIMEOUT);
                if (answer.is(200)) {
                    token = answer.json().path("access_token").asText();
                } else if (deadline.passed()) {
                    throw new IllegalStateException("admin login at " + registryUrl + " failed: " + answer.describe());
                } else {
                    deadline.pause(Duration.ofMillis(500));
                }
            }
            return token;
        }

        synchronized void forget() {
            token = null;
        }
    }
}
