package dev.gateway.registry.auth;

import dev.gateway.registry.support.Api;
import dev.gateway.registry.support.CountingPasswordHasher;
import dev.gateway.registry.support.Keys;
import dev.gateway.registry.support.RegistryFixture;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.Map;

import static dev.gateway.registry.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * Whether a user name exists must not show in how long a failed login takes: an unknown name costs the same bcrypt
 * check, against a hash of the same cost, as a wrong password. Asserted on the checks made, not on a stopwatch.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LoginTimingIT implements TestPropertyProvider {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    CountingPasswordHasher hasher;

    @Inject
    AdminUserRepository users;

    @Override
    public Map<String, String> getProperties() {
        return RegistryFixture.properties("test.hasher", "counting");
    }

    @Test
    void shouldCheckAnUnknownUserAgainstAHashOfTheSameCostAsARealOne() {
        Api anonymous = new Api(client, null);
        String realHash = users.findById("admin").orElseThrow().passwordHash();

        hasher.forget();
        assertProblem(anonymous.send(HttpRequest.POST("/api/gateway/auth/login",
                Map.of("username", "admin", "password", "wrong"))), 401, "unauthorized");
        assertEquals(List.of(realHash), hasher.checkedAgainst());

        hasher.forget();
        assertProblem(anonymous.send(HttpRequest.POST("/api/gateway/auth/login",
                Map.of("username", "nobody-" + Keys.tenantKey(), "password", "wrong"))), 401, "unauthorized");
        List<String> decoy = hasher.checkedAgainst();
        assertEquals(1, decoy.size(), "one bcrypt check for an unknown user too");
        assertEquals(cost(realHash), cost(decoy.get(0)), "same work factor: " + realHash + " / " + decoy.get(0));
        assertNotEquals(realHash, decoy.get(0));
    }

    /** {@code $2a$10$...} → {@code $2a$10$}. */
    private static String cost(String bcrypt) {
        return bcrypt.substring(0, 7);
    }
}
