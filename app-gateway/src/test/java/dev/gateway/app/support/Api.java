package dev.gateway.app.support;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** A plain HTTP client for the gateway under test: any header (Host included), raw bodies. */
public final class Api {

    static {
        System.setProperty("jdk.httpclient.allowRestrictedHeaders", "host");
    }

    private static final JsonMapper JSON = JsonMapper.createDefault();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;

    public Api(URI base) {
        this.base = base;
    }

    public Reply get(String path, String... headers) {
        return send("GET", path, null, headers);
    }

    public Reply post(String path, String body, String... headers) {
        return send("POST", path, body, headers);
    }

    public Reply send(String method, String path, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.setHeader(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Logs the tenant's first admin in and returns the bearer token; the first call accepts the admin's invitation
     * (which signs it in) with {@link ProvisionedTenant#adminPassword()}, sending {@code headers} with it.
     */
    public String login(ProvisionedTenant tenant, String... headers) {
        if (tenant.claimActivation()) {
            return activate(tenant, headers);
        }
        return login(tenant.key(), tenant.adminEmail(), tenant.adminPassword());
    }

    private String activate(ProvisionedTenant tenant, String... headers) {
        String[] all = Arrays.copyOf(headers, headers.length + 2);
        all[headers.length] = "X-Tenant-ID";
        all[headers.length + 1] = tenant.key();
        Reply reply = post("/api/auth/activate", "{\"token\":\"" + tenant.invitationToken() + "\",\"password\":\""
                + tenant.adminPassword() + "\"}", all);
        if (reply.status() != 200) {
            throw new IllegalStateException("activation failed: " + reply.status() + " " + reply.body());
        }
        return (String) reply.json().get("access_token");
    }

    public String login(String tenant, String email, String password) {
        Reply reply = post("/api/auth/token", "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}",
                "X-Tenant-ID", tenant);
        if (reply.status() != 200) {
            throw new IllegalStateException("login failed: " + reply.status() + " " + reply.body());
        }
        return (String) reply.json().get("access_token");
    }

    public static String[] bearer(String token, String... more) {
        String[] headers = new String[more.length + 2];
        headers[0] = "Authorization";
        headers[1] = "Bearer " + token;
        System.arraycopy(more, 0, headers, 2, more.length);
        return headers;
    }

    public record Reply(int status, HttpHeaders headers, String body) {

        public Map<String, Object> json() {
            try {
                return JSON.readValue(body, Argument.mapOf(String.class, Object.class));
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }

        @SuppressWarnings("unchecked")
        public List<Map<String, Object>> items() {
            return (List<Map<String, Object>>) json().get("items");
        }

        /** The problem type suffix, after asserting the body is problem+json. */
        public String problem() {
            String type = headers.firstValue("Content-Type").orElse("");
            if (!type.startsWith("application/problem+json")) {
                throw new AssertionError("not problem+json (" + status + ", " + type + "): " + body);
            }
            String uri = (String) json().get("type");
            return uri.substring(uri.lastIndexOf('/') + 1);
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }
}
