package dev.gateway.routes.registry;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.gateway.events.TenantSnapshot;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Reads the registry's snake_case JSON with the same conventions as the event contracts. */
final class RegistryJson {

    static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private RegistryJson() {
    }

    static TenantPage page(String body) {
        try {
            JsonNode root = MAPPER.readTree(body);
            JsonNode items = root.path("items");
            if (!items.isArray()) {
                throw new RegistryUnavailableException("tenant page without an items array");
            }
            List<TenantSnapshot> tenants = new ArrayList<>(items.size());
            for (JsonNode item : items) {
                tenants.add(MAPPER.treeToValue(item, TenantSnapshot.class));
            }
            JsonNode next = root.path("next_cursor");
            return new TenantPage(tenants, next.isTextual() && !next.asText().isEmpty() ? next.asText() : null);
        } catch (IOException e) {
            throw new RegistryUnavailableException("unreadable tenant page: " + e.getMessage(), e);
        }
    }

    static ServiceToken token(String body) {
        try {
            JsonNode root = MAPPER.readTree(body);
            String token = root.path("access_token").asText("");
            if (token.isEmpty()) {
                throw new RegistryUnavailableException("service-token response without access_token");
            }
            return new ServiceToken(token, root.path("expires_in").asLong(300));
        } catch (IOException e) {
            throw new RegistryUnavailableException("unreadable service-token response: " + e.getMessage(), e);
        }
    }

    record TenantPage(List<TenantSnapshot> items, String nextCursor) {
    }

    record ServiceToken(String accessToken, long expiresInSeconds) {
    }
}
