package dev.gateway.runtime.health;

import java.util.Map;

/**
 * What one part of the runtime can do right now. {@code up} false means the service cannot do this part
 * of its job until something outside it changes (or the runtime's own repair has run); the details say why.
 *
 * @param name    the component, e.g. {@code consumer provisioner-tenants-v2}
 * @param up      whether it works
 * @param details what an operator needs to see (no secrets)
 */
public record ComponentHealth(String name, boolean up, Map<String, Object> details) {

    public ComponentHealth {
        details = Map.copyOf(details);
    }
}
