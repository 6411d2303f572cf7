package dev.gateway.app.settings;

import dev.gateway.app.db.TenantTransactions;
import dev.gateway.app.http.ProblemException;
import dev.gateway.app.resolve.Caller;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Tenant settings: a JSON object of free-form values. PUT merges the given keys; a null value
 * removes its key. Only admins write.
 */
@Singleton
public class SettingsService {

    static final int MAX_KEYS = 100;
    static final int MAX_VALUE_CHARS = 10_000;

    private final TenantTransactions tx;
    private final SettingsRepository settings;
    private final JsonMapper json;

    public SettingsService(TenantTransactions tx, SettingsRepository settings, JsonMapper json) {
        this.tx = tx;
        this.settings = settings;
        this.json = json;
    }

    public JsonNode get(Caller caller) {
        return toNode(tx.inTenant(caller.tenant(), settings::all));
    }

    public JsonNode put(Caller caller, JsonNode changes) {
        caller.requireAdmin();
        Map<String, String> values = validated(changes);
        return toNode(tx.inTenant(caller.tenant(), c -> {
            for (Map.Entry<String, String> change : values.entrySet()) {
                if (change.getValue() == null) {
                    settings.remove(c, change.getKey());
                } else {
                    settings.put(c, change.getKey(), change.getValue());
                }
            }
            return settings.all(c);
        }));
    }

    private Map<String, String> validated(JsonNode changes) {
        if (changes == null || !changes.isObject()) {
            throw ProblemException.validation("settings must be a JSON object");
        }
        if (changes.size() > MAX_KEYS) {
            throw ProblemException.validation("at most " + MAX_KEYS + " settings per request");
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : changes.entries()) {
            String key = entry.getKey();
            if (key.isEmpty() || key.length() > 100) {
                throw ProblemException.validation("setting keys must be 1-100 characters");
            }
            String value = entry.getValue().isNull() ? null : write(entry.getValue());
            if (value != null && value.length() > MAX_VALUE_CHARS) {
                throw ProblemException.validation("setting '" + key + "' is larger than " + MAX_VALUE_CHARS);
            }
            values.put(key, value);
        }
        return values;
    }

    private JsonNode toNode(Map<String, String> stored) {
        Map<String, JsonNode> nodes = new LinkedHashMap<>();
        try {
            for (Map.Entry<String, String> entry : stored.entrySet()) {
                nodes.put(entry.getKey(), json.readValue(entry.getValue(), JsonNode.class));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return JsonNode.createObjectNode(nodes);
    }

    private String write(JsonNode value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
