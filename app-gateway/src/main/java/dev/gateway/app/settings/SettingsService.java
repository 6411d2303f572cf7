package dev.gateway.app.settings;

import dev.gateway.app.db.TenantTransactions;
import dev.gateway.app.directory.TenantEntry;
import dev.gateway.app.http.ProblemException;
import dev.gateway.app.resolve.Caller;
import dev.gateway.events.EventType;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Tenant settings: a JSON object of values, free-form but for the ones the platform reads itself
 * ({@link OnboardingSettings}). PUT merges the given keys; a null value removes a free-form key. Only admins write.
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

    /** Who may join the tenant, from its settings. */
    public SignupRules signupRules(TenantEntry tenant) {
        return OnboardingSettings.rules(nodes(tx.inTenant(tenant, c -> settings.only(c,
                OnboardingSettings.SIGNUP_POLICY, OnboardingSettings.ALLOWED_EMAIL_DOMAINS))));
    }

    public JsonNode put(Caller caller, JsonNode changes) {
        caller.requireAdmin();
        Map<String, String> values = validated(changes);
        return toNode(tx.changing(caller.tenant(), caller.correlationId(), (c, events) -> {
            for (Map.Entry<String, String> change : values.entrySet()) {
                if (change.getValue() == null) {
                    settings.remove(c, change.getKey());
                } else {
                    settings.put(c, change.getKey(), change.getValue());
                }
            }
            if (!values.isEmpty()) {
                events.activity(EventType.ACTIVITY_SETTINGS_UPDATED, caller, null, String.join(", ", values.keySet()));
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
            JsonNode given = OnboardingSettings.isKnown(key) ? OnboardingSettings.normalized(key, entry.getValue())
                    : entry.getValue();
            String value = given.isNull() ? null : write(given);
            if (value != null && value.length() > MAX_VALUE_CHARS) {
                throw ProblemException.validation("setting '" + key + "' is larger than " + MAX_VALUE_CHARS);
            }
            values.put(key, value);
        }
        return values;
    }

    private JsonNode toNode(Map<String, String> stored) {
        return JsonNode.createObjectNode(nodes(stored));
    }

    private Map<String, JsonNode> nodes(Map<String, String> stored) {
        Map<String, JsonNode> nodes = new LinkedHashMap<>();
        try {
            for (Map.Entry<String, String> entry : stored.entrySet()) {
                nodes.put(entry.getKey(), json.readValue(entry.getValue(), JsonNode.class));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return nodes;
    }

    private String write(JsonNode value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
