package dev.gateway.registry.support;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Small blocking client for the admin API that returns error responses instead of throwing them. */
public final class Api {

    private final BlockingHttpClient client;
    private final String token;

    public Api(HttpClient client, String token) {
        this.client = client.toBlocking();
        this.token = token;
    }

    public static String login(HttpClient client, String user, String password) {
        Map<?, ?> body = client.toBlocking().retrieve(HttpRequest.POST("/api/gateway/auth/login",
                Map.of("username", user, "password", password)), Map.class);
        return (String) body.get("access_token");
    }

    public static Api admin(HttpClient client) {
        return new Api(client, login(client, "admin", RegistryFixture.ADMIN_PASSWORD));
    }

    @SuppressWarnings("unchecked")
    public HttpResponse<Map> send(MutableHttpRequest<?> request) {
        if (token != null) {
            request.bearerAuth(token);
        }
        try {
            return client.exchange(request, Argument.of(Map.class), Argument.of(Map.class));
        } catch (HttpClientResponseException e) {
            return (HttpResponse<Map>) e.getResponse();
        }
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> body(HttpResponse<Map> response) {
        return (Map<String, Object>) response.getBody(Map.class).orElseThrow(
                () -> new AssertionError("no body, status " + response.code()));
    }

    /** The {@code items} of a list response. */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> items(String url) {
        HttpResponse<Map> r = send(HttpRequest.GET(url));
        if (r.code() != 200) {
            throw new AssertionError("GET " + url + " answered " + r.code());
        }
        return (List<Map<String, Object>>) body(r).get("items");
    }

    /**
     * Creates a pool on the unreachable {@code 127.0.0.1:1} named {@code prefix-<random>}, with any extra
     * {@code key, value, ...} fields, and answers its id.
     */
    public String createPool(String prefix, Object... extra) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("name", prefix + "-" + UUID.randomUUID().toString().substring(0, 8));
        fields.put("host", "127.0.0.1");
        fields.put("port", 1);
        for (int i = 0; i < extra.length; i += 2) {
            fields.put((String) extra[i], extra[i + 1]);
        }
        return (String) body(send(HttpRequest.POST("/api/gateway/pools", fields))).get("id");
    }

    /** Creates tenant {@code key} with any extra {@code field, value, ...}; answers the 202's body. */
    public Map<String, Object> createTenant(String key, Object... extra) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("key", key);
        fields.put("company_name", "Company " + key);
        for (int i = 0; i < extra.length; i += 2) {
            fields.put((String) extra[i], extra[i + 1]);
        }
        HttpResponse<Map> r = send(HttpRequest.POST("/api/gateway/tenants", fields));
        if (r.code() != 202) {
            throw new AssertionError("create " + key + " answered " + r.code() + " " + r.getBody(Map.class));
        }
        return body(r);
    }
}
