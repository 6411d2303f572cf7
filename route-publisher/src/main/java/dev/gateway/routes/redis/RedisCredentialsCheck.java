package dev.gateway.routes.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.context.exceptions.ConfigurationException;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tries the Redis credentials of GATEWAY_REDIS_URL once, before the service's connection is opened. A Redis that
 * refuses them stops the start with one line naming the server, the user and the setting to fix, instead of
 * "Unable to connect" at the top of a stack trace. Whether Redis can be reached at all is left to the connection.
 */
@Singleton
public class RedisCredentialsCheck implements BeanCreatedEventListener<RedisClient> {

    private static final Logger LOG = LoggerFactory.getLogger(RedisCredentialsCheck.class);

    private final RedisURI uri;

    public RedisCredentialsCheck(@Value("${redis.uri}") String uri) {
        this.uri = RedisURI.create(uri);
    }

    @Override
    public RedisClient onCreated(BeanCreatedEvent<RedisClient> event) {
        try (StatefulRedisConnection<String, String> ignored = event.getBean().connect()) {
            return event.getBean();
        } catch (RedisConnectionException e) {
            if (refusedCredentials(e)) {
                String message = "Redis at " + uri.getHost() + ":" + uri.getPort() + " refused "
                        + (uri.getUsername() == null ? "a client without credentials" : "user " + uri.getUsername())
                        + ": set GATEWAY_REDIS_URL to redis://<user>:<password>@" + uri.getHost() + ":" + uri.getPort()
                        + " with this service's Redis user";
                LOG.error(message);
                throw new ConfigurationException(message);
            }
            return event.getBean();
        }
    }

    /** WRONGPASS: unknown user or wrong password; NOAUTH: none given where one is required. */
    static boolean refusedCredentials(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof RedisCommandExecutionException && cause.getMessage() != null
                    && (cause.getMessage().startsWith("WRONGPASS") || cause.getMessage().startsWith("NOAUTH"))) {
                return true;
            }
        }
        return false;
    }
}
