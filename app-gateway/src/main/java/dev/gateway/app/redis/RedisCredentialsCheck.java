package dev.gateway.app.redis;

import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.codec.StringCodec;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Tries each Redis's credentials from the start, without holding the start up (the gateway starts without Redis and
 * connects when it can), until that Redis has answered: a connection that fails for another reason (Redis not up
 * yet) is tried again every {@link #RETRY}. A Redis that refuses them gets one error line naming the server, the user
 * and the setting to fix; the gateway then stays not ready (its health shows the refusal) rather than repeating
 * "Unable to connect".
 */
@Singleton
public class RedisCredentialsCheck {

    private static final Logger LOG = LoggerFactory.getLogger(RedisCredentialsCheck.class);
    static final Duration RETRY = Duration.ofSeconds(2);

    private final Map<String, RedisLink> links = new LinkedHashMap<>();
    private volatile boolean stopped;

    public RedisCredentialsCheck(@Named(RedisLinks.DIRECTORY) RedisLink directory,
                                 @Named(RedisLinks.RATE_LIMIT) RedisLink rateLimit) {
        links.put("GATEWAY_REDIS_URL", directory);
        if (!rateLimit.uri().equals(directory.uri())) {
            links.put("GATEWAY_RATE_LIMIT_REDIS_URL", rateLimit);
        }
    }

    @EventListener
    void onStartup(StartupEvent event) {
        links.forEach(this::check);
    }

    private void check(String setting, RedisLink link) {
        if (stopped) {
            return;
        }
        link.client().connectAsync(StringCodec.UTF8, link.uri()).whenComplete((connection, failure) -> {
            if (connection != null) {
                connection.closeAsync();
            } else if (refusedCredentials(failure)) {
                LOG.error(refusal(link.uri(), setting));
            } else {
                LOG.debug("Redis at {}:{} has not answered yet ({}); trying its credentials again in {}",
                        link.uri().getHost(), link.uri().getPort(), failure.toString(), RETRY);
                CompletableFuture.delayedExecutor(RETRY.toMillis(), TimeUnit.MILLISECONDS)
                        .execute(() -> check(setting, link));
            }
        });
    }

    @PreDestroy
    void stop() {
        stopped = true;
    }

    static String refusal(RedisURI uri, String setting) {
        return "Redis at " + uri.getHost() + ":" + uri.getPort() + " refused "
                + (uri.getUsername() == null ? "a client without credentials" : "user " + uri.getUsername())
                + ": set " + setting + " to redis://<user>:<password>@" + uri.getHost() + ":" + uri.getPort()
                + " with this service's Redis user";
    }

    /** WRONGPASS: unknown user or wrong password; NOAUTH: none given where one is required. */
    public static boolean refusedCredentials(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof RedisCommandExecutionException && cause.getMessage() != null
                    && (cause.getMessage().startsWith("WRONGPASS") || cause.getMessage().startsWith("NOAUTH"))) {
                return true;
            }
        }
        return false;
    }
}
