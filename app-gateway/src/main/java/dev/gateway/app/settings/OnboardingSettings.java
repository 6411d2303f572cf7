package dev.gateway.app.settings;

import dev.gateway.app.http.ProblemException;
import io.micronaut.json.tree.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The settings the platform itself reads, held to their shape (the tenant migration adds them with their defaults
 * and CHECKs their type): {@code signup_policy} {@code closed|approval|open}, {@code allowed_email_domains} (domain
 * names, stored lower case without duplicates; empty: any domain) and {@code company_profile} (display name,
 * website, description). Neither may be removed. Every other key stays free-form.
 */
final class OnboardingSettings {

    static final String SIGNUP_POLICY = "signup_policy";
    static final String ALLOWED_EMAIL_DOMAINS = "allowed_email_domains";
    static final String COMPANY_PROFILE = "company_profile";
    static final int MAX_DOMAINS = 50;

    private static final Pattern DOMAIN = Pattern.compile(
            "^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?$");
    private static final Map<String, Integer> PROFILE_FIELDS = Map.of("display_name", 200, "website", 500,
            "description", 2000);
    private static final Set<String> KEYS = Set.of(SIGNUP_POLICY, ALLOWED_EMAIL_DOMAINS, COMPANY_PROFILE);

    private OnboardingSettings() {
    }

    static boolean isKnown(String key) {
        return KEYS.contains(key);
    }

    /** The value to store under a known key; 400 {@code validation} naming the key when it does not fit. */
    static JsonNode normalized(String key, JsonNode value) {
        if (value.isNull()) {
            throw ProblemException.invalidField(key, key + " cannot be removed; set another value");
        }
        return switch (key) {
            case SIGNUP_POLICY -> {
                if (!value.isString() || SignupPolicy.of(value.getStringValue()).isEmpty()) {
                    throw ProblemException.invalidField(key, key + " must be one of closed, approval, open");
                }
                yield value;
            }
            case ALLOWED_EMAIL_DOMAINS -> domains(value);
            default -> profile(value);
        };
    }

    private static JsonNode domains(JsonNode value) {
        if (!value.isArray() || value.size() > MAX_DOMAINS) {
            throw ProblemException.invalidField(ALLOWED_EMAIL_DOMAINS, ALLOWED_EMAIL_DOMAINS
                    + " must be a list of at most " + MAX_DOMAINS + " domain names, e.g. [\"acme.com\"]");
        }
        List<String> domains = new ArrayList<>();
        for (JsonNode entry : value.values()) {
            String domain = entry.isString() ? entry.getStringValue().trim().toLowerCase(Locale.ROOT) : "";
            if (!DOMAIN.matcher(domain).matches()) {
                throw ProblemException.invalidField(ALLOWED_EMAIL_DOMAINS, "'" + (entry.isString()
                        ? entry.getStringValue() : entry) + "' is not a domain name such as acme.com");
            }
            if (!domains.contains(domain)) {
                domains.add(domain);
            }
        }
        return JsonNode.createArrayNode(domains.stream().map(JsonNode::createStringNode).toList());
    }

    private static JsonNode profile(JsonNode value) {
        if (!value.isObject()) {
            throw ProblemException.invalidField(COMPANY_PROFILE, COMPANY_PROFILE + " must be an object with "
                    + String.join(", ", PROFILE_FIELDS.keySet().stream().sorted().toList()));
        }
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : value.entries()) {
            String name = COMPANY_PROFILE + "." + field.getKey();
            Integer max = PROFILE_FIELDS.get(field.getKey());
            if (max == null) {
                throw ProblemException.invalidField(name, "unknown field of " + COMPANY_PROFILE);
            }
            JsonNode text = field.getValue();
            if (text.isNull()) {
                continue;
            }
            if (!text.isString() || text.getStringValue().length() > max) {
                throw ProblemException.invalidField(name, name + " must be text of at most " + max + " characters");
            }
            if (field.getKey().equals("website") && !text.getStringValue().matches("^https?://[^\\s]+$")) {
                throw ProblemException.invalidField(name, name + " must be an http(s) address");
            }
            fields.put(field.getKey(), JsonNode.createStringNode(text.getStringValue().trim()));
        }
        return JsonNode.createObjectNode(fields);
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.values().forEach(value -> values.add(value.getStringValue()));
        return values;
    }

    /** The rules as stored; a key removed behind the API's back reads as its default. */
    static SignupRules rules(Map<String, JsonNode> stored) {
        JsonNode policy = stored.get(SIGNUP_POLICY);
        JsonNode domains = stored.get(ALLOWED_EMAIL_DOMAINS);
        return new SignupRules(policy == null ? SignupPolicy.DEFAULT
                : SignupPolicy.of(policy.getStringValue()).orElse(SignupPolicy.DEFAULT),
                domains == null ? List.of() : strings(domains));
    }
}
