package dev.gateway.registry.auth;

import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.regex.Pattern;

@Singleton
public class LoginService {

    private static final Pattern SERVICE_NAME = Pattern.compile("^[a-z][a-z0-9-]{1,62}$");

    private final AdminUserRepository users;
    private final PasswordHasher hasher;
    private final TokenIssuer issuer;
    private final AuthConfiguration config;
    private final LoginThrottle throttle;
    /** Checked against when the user does not exist, so both failures cost one bcrypt verification. */
    private final String decoyHash;

    public LoginService(AdminUserRepository users, PasswordHasher hasher, TokenIssuer issuer, AuthConfiguration config,
                        LoginThrottle throttle) {
        this.users = users;
        this.hasher = hasher;
        this.issuer = issuer;
        this.config = config;
        this.throttle = throttle;
        this.decoyHash = hasher.hash(hasher.generatePassword());
    }

    public TokenResponse login(String username, String password, String clientAddress) {
        LoginThrottle.Attempt attempt = throttle.attempt(clientAddress, "admin:" + username);
        if (username == null || password == null || username.length() > 200 || password.length() > 200) {
            throw new InvalidCredentialsException();
        }
        Optional<AdminUser> user = users.findById(username);
        boolean valid = hasher.matches(password, user.map(AdminUser::passwordHash).orElse(decoyHash));
        if (user.isEmpty() || !valid) {
            throw new InvalidCredentialsException();
        }
        throttle.succeeded(attempt);
        return issuer.issue(user.get().username(), user.get().role());
    }

    public TokenResponse serviceToken(String clientId, String clientSecret, String clientAddress) {
        LoginThrottle.Attempt attempt = throttle.attempt(clientAddress, "service:" + clientId);
        boolean secretMatches = clientSecret != null && MessageDigest.isEqual(
                clientSecret.getBytes(StandardCharsets.UTF_8), config.serviceSecret().getBytes(StandardCharsets.UTF_8));
        if (clientId == null || !SERVICE_NAME.matcher(clientId).matches() || !secretMatches) {
            throw new InvalidCredentialsException();
        }
        throttle.succeeded(attempt);
        return issuer.issue(clientId, Roles.SERVICE);
    }
}
