package dev.gateway.registry.support;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

import java.util.Map;

/**
 * Common setup of the ITs that drive the admin API as the bootstrap admin: the shared fixture's context
 * properties, the embedded server's client, and {@link #api} logged in once per class.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class AdminApiIT implements TestPropertyProvider {

    protected static final String TENANTS = "/api/gateway/tenants";

    @Inject
    @Client("/")
    protected HttpClient client;

    protected Api api;

    @Override
    public Map<String, String> getProperties() {
        return RegistryFixture.properties();
    }

    @BeforeAll
    void login() {
        api = Api.admin(client);
    }
}
