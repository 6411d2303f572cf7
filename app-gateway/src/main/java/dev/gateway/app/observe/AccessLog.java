package dev.gateway.app.observe;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** One line per tenant API request (logger {@code access}). */
@Singleton
public class AccessLog {

    private static final Logger LOG = LoggerFactory.getLogger("access");

    private final boolean enabled;

    public AccessLog(@Value("${gateway.access-log.enabled:true}") boolean enabled) {
        this.enabled = enabled && LOG.isInfoEnabled();
    }

    public void log(@Nullable String tenant, @Nullable String user, String method, String path, int status,
                    long nanos, String correlationId) {
        if (!enabled) {
            return;
        }
        MDC.put("tenant", tenant == null ? "" : tenant);
        MDC.put("correlation_id", correlationId);
        try {
            LOG.info("tenant={} user={} method={} path={} status={} duration_ms={}", tenant, user, method, path,
                    status, nanos / 1_000 / 1000.0);
        } finally {
            MDC.remove("tenant");
            MDC.remove("correlation_id");
        }
    }
}
