package dev.gateway.routes.route;

import io.lettuce.core.api.StatefulRedisConnection;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import jakarta.annotation.PostConstruct;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;

/**
 * Checks at startup that Redis announces key changes the way Traefik watches them; without it Traefik
 * never sees a route change until it restarts. Sets the missing flags when configuration allows.
 */
@Context
public class KeyspaceEventsCheck {

    private static final Logger LOG = LoggerFactory.getLogger(KeyspaceEventsCheck.class);
    private static final String PARAMETER = "notify-keyspace-events";

    private final StatefulRedisConnection<String, String> redis;
    private final RouteProperties properties;
    private volatile Result result = new Result("", false, false, "not checked yet");
    private String lastWarned;

    public KeyspaceEventsCheck(StatefulRedisConnection<String, String> redis, RouteProperties properties) {
        this.redis = redis;
        this.properties = properties;
    }

    @PostConstruct
    public synchronized void check() {
        try {
            KeyspaceEventsFlags flags = new KeyspaceEventsFlags(read());
            if (flags.sufficient()) {
                result = new Result(flags.value(), true, result.setByPublisher(), null);
            } else if (properties.setKeyspaceEvents()) {
                redis.sync().configSet(PARAMETER, flags.completed());
                String now = read();
                LOG.warn("Redis {} was '{}', set to '{}' so Traefik sees route changes", PARAMETER, flags.value(), now);
                result = new Result(now, new KeyspaceEventsFlags(now).sufficient(), true, null);
            } else {
                if (!flags.value().equals(lastWarned)) {
                    LOG.warn("Redis {} is '{}' and lacks '{}': Traefik will not notice route changes until restarted;"
                            + " set GATEWAY_REDIS_SET_KEYSPACE_EVENTS=true or configure Redis", PARAMETER,
                            flags.value(), flags.missing());
                    lastWarned = flags.value();
                }
                result = new Result(flags.value(), false, false, "missing flags " + flags.missing());
            }
        } catch (RuntimeException e) {
            LOG.warn("cannot check Redis {}: {}", PARAMETER, e.getMessage());
            result = new Result("", false, false, e.getMessage());
        }
    }

    public Result result() {
        return result;
    }

    private String read() {
        Map<String, String> config = redis.sync().configGet(PARAMETER);
        return config.getOrDefault(PARAMETER, "");
    }

    /** What the check found: the flags, whether Traefik can watch with them, whether we changed them. */
    @Serdeable(naming = SnakeCaseStrategy.class)
    public record Result(String flags, boolean traefikCanWatch, boolean setByPublisher, @Nullable String problem) {
    }
}
