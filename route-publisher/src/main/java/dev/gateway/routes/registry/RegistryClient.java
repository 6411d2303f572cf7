package dev.gateway.routes.registry;

import dev.gateway.events.TenantSnapshot;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientException;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.uri.UriBuilder;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Reads the desired tenant set from the registry, page by page, as the route-publisher service. */
@Singleton
public class RegistryClient {

    static final String TENANTS_PATH = "/api/gateway/tenants";

    private final HttpClient http;
    private final ServiceTokens tokens;
    private final RegistryProperties properties;

    public RegistryClient(@Client("${gateway.registry.url}") HttpClient http, ServiceTokens tokens,
                          RegistryProperties properties) {
        this.http = http;
        this.tokens = tokens;
        this.properties = properties;
    }

    /** Every tenant the registry knows; throws {@link RegistryUnavailableException} rather than return a partial set. */
    public List<TenantSnapshot> allTenants() {
        List<TenantSnapshot> tenants = new ArrayList<>();
        Set<String> seenCursors = new HashSet<>();
        String cursor = null;
        do {
            RegistryJson.TenantPage page = page(cursor);
            tenants.addAll(page.items());
            cursor = page.nextCursor();
            if (cursor != null && !seenCursors.add(cursor)) {
                throw new RegistryUnavailableException("registry returned cursor '" + cursor + "' twice");
            }
        } while (cursor != null);
        return tenants;
    }

    private RegistryJson.TenantPage page(String cursor) {
        UriBuilder uri = UriBuilder.of(TENANTS_PATH).queryParam("limit", properties.pageSize());
        if (cursor != null) {
            uri.queryParam("cursor", cursor);
        }
        try {
            return RegistryJson.page(get(uri.toString()));
        } catch (HttpClientResponseException e) {
            if (e.getStatus() != HttpStatus.UNAUTHORIZED) {
                throw unavailable(e);
            }
            tokens.invalidate();
            try {
                return RegistryJson.page(get(uri.toString()));
            } catch (HttpClientException retry) {
                throw unavailable(retry);
            }
        } catch (HttpClientException e) {
            throw unavailable(e);
        }
    }

    private String get(String uri) {
        return http.toBlocking().retrieve(HttpRequest.GET(uri).bearerAuth(tokens.current())
                .accept(MediaType.APPLICATION_JSON_TYPE));
    }

    private static RegistryUnavailableException unavailable(HttpClientException e) {
        return new RegistryUnavailableException("tenant list unavailable: " + e.getMessage(), e);
    }
}
