package dev.gateway.runtime.micronaut;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.nats.connect.NatsConnectionFactoryConfig;
import io.nats.client.AuthenticationException;
import io.nats.client.Connection;
import io.nats.client.ErrorListener;
import io.nats.client.Nats;
import io.nats.client.Options;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.List;

/**
 * Tries the configured NATS credentials once before the service's connection is opened. A broker that refuses
 * them stops the start with one line naming the server, the user and the settings to fix, instead of a connection
 * error at the bottom of a stack trace. Whether the broker can be reached at all is left to the connection.
 */
@Singleton
class NatsCredentialsCheck implements BeanCreatedEventListener<NatsConnectionFactoryConfig> {

    private static final Logger LOG = LoggerFactory.getLogger(NatsCredentialsCheck.class);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);

    @Override
    public NatsConnectionFactoryConfig onCreated(BeanCreatedEvent<NatsConnectionFactoryConfig> event) {
        NatsConnectionFactoryConfig config = event.getBean();
        Options probe;
        try {
            probe = config.toOptionsBuilder().maxReconnects(0).connectionTimeout(PROBE_TIMEOUT)
                    .errorListener(new ErrorListener() { }).build();
        } catch (IOException | GeneralSecurityException unreadable) {
            return config; // a creds file or TLS setting that cannot be read: the connection says so itself
        }
        try (Connection ignored = Nats.connect(probe)) {
            return config;
        } catch (AuthenticationException refused) {
            String message = "NATS at " + String.join(",", config.getAddresses().orElse(List.of())) + " refused "
                    + who(config) + " (" + refused.getMessage() + "): set GATEWAY_NATS_USER and GATEWAY_NATS_PASSWORD"
                    + " (or GATEWAY_NATS_CREDS) to this service's NATS user";
            LOG.error(message);
            throw new ConfigurationException(message);
        } catch (IOException unreachable) {
            return config;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return config;
        }
    }

    private static String who(NatsConnectionFactoryConfig config) {
        if (config.getCredentials() != null && !config.getCredentials().isBlank()) {
            return "the credentials in " + config.getCredentials();
        }
        return config.getUsername().filter(u -> !u.isBlank()).map(u -> "user " + u)
                .orElse("a client without credentials");
    }
}
