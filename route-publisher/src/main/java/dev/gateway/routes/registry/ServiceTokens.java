package dev.gateway.routes.registry;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientException;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.Map;

/** The registry service token, fetched with the client credential and reused until shortly before it expires. */
@Singleton
public class ServiceTokens {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceTokens.class);
    static final String PATH = "/api/gateway/auth/service-token";
    private static final long EXPIRY_MARGIN_SECONDS = 30;

    private final HttpClient http;
    private final RegistryProperties properties;
    private String token;
    private Instant renewAt = Instant.EPOCH;

    public ServiceTokens(@Client("${gateway.registry.url}") HttpClient http, RegistryProperties properties) {
        this.http = http;
        this.properties = properties;
    }

    @PostConstruct
    void warnOnDefaultSecret() {
        if (RegistryProperties.DEFAULT_SECRET.equals(properties.clientSecret())) {
            LOG.warn("GATEWAY_SERVICE_SECRET is the development default; set it outside development");
        }
    }

    public synchronized String current() {
        if (token == null || Instant.now().isAfter(renewAt)) {
            fetch();
        }
        return token;
    }

    public synchronized void invalidate() {
        token = null;
    }

    private void fetch() {
        Map<String, String> credential = Map.of("client_id", properties.clientId(),
                "client_secret", properties.clientSecret());
        try {
            String body = http.toBlocking().retrieve(HttpRequest.POST(PATH, credential)
                    .contentType(MediaType.APPLICATION_JSON_TYPE).accept(MediaType.APPLICATION_JSON_TYPE));
            RegistryJson.ServiceToken issued = RegistryJson.token(body);
            token = issued.accessToken();
            renewAt = Instant.now().plusSeconds(Math.max(0, issued.expiresInSeconds() - EXPIRY_MARGIN_SECONDS));
        } catch (HttpClientException e) {
            throw new RegistryUnavailableException("service token refused or registry unreachable: "
                    + e.getMessage(), e);
        }
    }
}
