package dev.gateway.registry.support;

import dev.gateway.registry.auth.PasswordHasher;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The real hasher, remembering every hash a password was checked against. */
@Singleton
@Replaces(PasswordHasher.class)
@Requires(property = "test.hasher", value = "counting")
public class CountingPasswordHasher extends PasswordHasher {

    private final List<String> checkedAgainst = new CopyOnWriteArrayList<>();

    @Override
    public boolean matches(String password, String hash) {
        checkedAgainst.add(hash);
        return super.matches(password, hash);
    }

    public List<String> checkedAgainst() {
        return List.copyOf(checkedAgainst);
    }

    public void forget() {
        checkedAgainst.clear();
    }
}
