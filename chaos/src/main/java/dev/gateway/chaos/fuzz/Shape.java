package dev.gateway.chaos.fuzz;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON object an endpoint reads: field names (as on the wire) and what each holds, in order. */
record Shape(Map<String, FieldKind> fields) {

    static final Shape NONE = new Shape(Map.of());

    Shape {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** {@code of("key", NEW_TENANT_KEY, "plan", PLAN)}. */
    static Shape of(Object... nameKindPairs) {
        Map<String, FieldKind> fields = new LinkedHashMap<>();
        for (int i = 0; i < nameKindPairs.length; i += 2) {
            fields.put((String) nameKindPairs[i], (FieldKind) nameKindPairs[i + 1]);
        }
        return new Shape(fields);
    }

    boolean isEmpty() {
        return fields.isEmpty();
    }
}
