package dev.gateway.app.directory;

import dev.gateway.app.redis.RedisLink;
import dev.gateway.app.redis.RedisLinks;
import dev.gateway.events.TenantDirectory;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.lettuce.core.codec.StringCodec;
import io.micronaut.context.annotation.Context;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Named;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Subscribes to {@code tenant-directory} and drops the announced tenant from the cache. Messages
 * published while disconnected are lost, so whenever Redis confirms the subscription (the first time
 * and again after every reconnect) every cached entry is read again on its next use; it stays servable
 * meanwhile, should Redis fail again at once. If Redis is down at startup, subscribing is retried every
 * two seconds.
 */
@Context
public class DirectoryInvalidationListener {

    private static final Logger LOG = LoggerFactory.getLogger(DirectoryInvalidationListener.class);

    private final RedisLink redis;
    private final TenantDirectoryService directory;
    private final ScheduledExecutorService retry = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "directory-subscriber");
        t.setDaemon(true);
        return t;
    });
    private volatile StatefulRedisPubSubConnection<String, String> connection;

    public DirectoryInvalidationListener(@Named(RedisLinks.DIRECTORY) RedisLink redis,
                                         TenantDirectoryService directory) {
        this.redis = redis;
        this.directory = directory;
        retry.execute(this::subscribe);
    }

    private void subscribe() {
        try {
            StatefulRedisPubSubConnection<String, String> pubSub =
                    redis.client().connectPubSub(StringCodec.UTF8, redis.uri());
            pubSub.addListener(new RedisPubSubAdapter<>() {
                @Override
                public void message(String channel, String tenant) {
                    directory.invalidate(tenant);
                }

                @Override
                public void subscribed(String channel, long count) {
                    directory.rereadAll();
                }
            });
            pubSub.sync().subscribe(TenantDirectory.CHANNEL);
            connection = pubSub;
        } catch (RuntimeException e) {
            LOG.warn("cannot subscribe to {} ({}), retrying", TenantDirectory.CHANNEL, e.getMessage());
            retry.schedule(this::subscribe, 2, TimeUnit.SECONDS);
        }
    }

    public boolean isSubscribed() {
        StatefulRedisPubSubConnection<String, String> current = connection;
        return current != null && current.isOpen();
    }

    @PreDestroy
    void close() {
        retry.shutdownNow();
        StatefulRedisPubSubConnection<String, String> current = connection;
        if (current != null) {
            current.close();
        }
    }
}
