package dev.gateway.registry.pool;

import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.UUID;

@Singleton
public class DefaultPoolInitializer {

    private static final Logger LOG = LoggerFactory.getLogger(DefaultPoolInitializer.class);

    private final PoolRepository pools;
    private final DefaultPoolConfiguration config;

    public DefaultPoolInitializer(PoolRepository pools, DefaultPoolConfiguration config) {
        this.pools = pools;
        this.config = config;
    }

    @EventListener
    @Transactional
    public void onStartup(StartupEvent event) {
        String hostPort = config.host();
        int colon = hostPort.lastIndexOf(':');
        String host = colon > 0 ? hostPort.substring(0, colon) : hostPort;
        int port = colon > 0 ? Integer.parseInt(hostPort.substring(colon + 1)) : 5432;
        if (pools.insertIfNoPool(UUID.randomUUID(), config.name(), host, port, config.database(), config.isolation(),
                config.maxTenants()) == 1) {
            LOG.info("created default pool '{}' on {}:{} ({} isolation)", config.name(), host, port, config.isolation());
        }
    }
}
