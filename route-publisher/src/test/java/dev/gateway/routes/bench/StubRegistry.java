package dev.gateway.routes.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.gateway.events.TenantSnapshot;
import dev.gateway.routes.support.RegistryTokens;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

/** A loopback stand-in for the registry's service-token, JWKS and paged tenant API, for the benchmark only. */
final class StubRegistry implements AutoCloseable {

    static final String SECRET = "bench-service-secret";
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final List<TenantSnapshot> tenants;
    private final Set<String> issued = ConcurrentHashMap.newKeySet();
    private final HttpServer server;

    StubRegistry(List<TenantSnapshot> tenants) throws IOException {
        this.tenants = tenants;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.createContext("/api/gateway/auth/service-token", this::token);
        server.createContext("/api/gateway/tenants", this::page);
        server.createContext("/.well-known/jwks.json", exchange -> respond(exchange, 200, RegistryTokens.jwks()));
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void token(HttpExchange exchange) throws IOException {
        Map<?, ?> credential = JSON.readValue(exchange.getRequestBody(), Map.class);
        if (!SECRET.equals(credential.get("client_secret"))) {
            respond(exchange, 401, Map.of("type", "https://gateway.dev/problems/unauthorized"));
            return;
        }
        String token = RegistryTokens.token("route-publisher", "service");
        issued.add(token);
        respond(exchange, 200, Map.of("access_token", token, "token_type", "Bearer", "expires_in", 300));
    }

    private void page(HttpExchange exchange) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization == null || !issued.contains(authorization.replaceFirst("^Bearer ", ""))) {
            respond(exchange, 401, Map.of("type", "https://gateway.dev/problems/unauthorized"));
            return;
        }
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        int limit = Integer.parseInt(query.getOrDefault("limit", "50"));
        int from = Integer.parseInt(query.getOrDefault("cursor", "0"));
        int to = Math.min(tenants.size(), from + limit);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", tenants.subList(from, to));
        body.put("next_cursor", to < tenants.size() ? Integer.toString(to) : null);
        respond(exchange, 200, body);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                String[] kv = pair.split("=", 2);
                query.put(kv[0], kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
        }
        return query;
    }

    private static void respond(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
