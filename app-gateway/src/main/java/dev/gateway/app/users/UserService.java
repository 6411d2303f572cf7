package dev.gateway.app.users;

import dev.gateway.app.db.TenantTransactions;
import dev.gateway.app.directory.TenantEntry;
import dev.gateway.app.http.Cursor;
import dev.gateway.app.http.Page;
import dev.gateway.app.http.PageRequest;
import dev.gateway.app.http.Problem;
import dev.gateway.app.http.ProblemException;
import dev.gateway.app.ratelimit.LoginThrottle;
import dev.gateway.app.resolve.Caller;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.util.Optional;
import java.util.UUID;

/**
 * Tenant users. Admins manage users; members may list and read them and change their own name
 * and password (anyone's own password only with the current one, checked under the login throttle).
 * The plan's user limit is checked under a table lock in the inserting transaction, so concurrent
 * creates cannot overshoot it. A change of role or password and a deletion are announced after commit
 * ({@link UserChanged}).
 */
@Singleton
public class UserService {

    private final TenantTransactions tx;
    private final UserRepository users;
    private final PasswordHasher passwords;
    private final LoginThrottle throttle;
    private final ApplicationEventPublisher<UserChanged> changes;

    public UserService(TenantTransactions tx, UserRepository users, PasswordHasher passwords, LoginThrottle throttle,
                       ApplicationEventPublisher<UserChanged> changes) {
        this.tx = tx;
        this.users = users;
        this.passwords = passwords;
        this.throttle = throttle;
        this.changes = changes;
    }

    /** The user with these credentials, empty for a wrong email or password alike. */
    public Optional<AuthenticatedUser> authenticate(Caller caller, String email, String password) {
        Optional<UserRepository.Credentials> found = tx.inTenant(caller.tenant(), c -> users.credentials(c, email));
        if (found.isEmpty()) {
            passwords.spendDecoyCheck(password);
            return Optional.empty();
        }
        UserRepository.Credentials credentials = found.get();
        if (!passwords.matches(password, credentials.passwordHash())) {
            return Optional.empty();
        }
        if (passwords.needsRehash(credentials.passwordHash())) {
            String stronger = passwords.hash(password);
            tx.inTenant(caller.tenant(), c -> users.update(c, credentials.id(), null, stronger, null));
        }
        return Optional.of(new AuthenticatedUser(credentials.id(), credentials.role()));
    }

    public Page<User> list(Caller caller, PageRequest page) {
        return Cursor.page(tx.inTenant(caller.tenant(), c -> users.page(c, page)), page.limit(), User::position);
    }

    public User get(Caller caller, UUID id) {
        return tx.inTenant(caller.tenant(), c -> users.find(c, id)).orElseThrow(() -> ProblemException.notFound("user"));
    }

    public User create(Caller caller, CreateUserRequest request) {
        caller.requireAdmin();
        String hash = passwords.hash(request.password());
        int maxUsers = caller.tenant().maxUsers();
        return tx.inTenant(caller.tenant(), c -> {
            if (maxUsers > 0 && users.lockAndCount(c) >= maxUsers) {
                throw new ProblemException(Problem.of(403, "user-limit-reached", "User limit reached",
                        "the " + caller.tenant().plan() + " plan allows " + maxUsers + " users"));
            }
            return users.insert(c, request.email().trim(), request.name(), hash, request.role());
        });
    }

    /** The user's role now, empty when there is no such user (any more). */
    public Optional<String> currentRole(TenantEntry tenant, UUID id) {
        return tx.inTenant(tenant, c -> users.role(c, id));
    }

    /** {@code address}: the caller's client address, counted by the login throttle for a password check. */
    public User update(Caller caller, String address, UUID id, UpdateUserRequest request) {
        if (!caller.isAdmin() && (!caller.is(id.toString()) || request.role() != null)) {
            throw ProblemException.forbidden("members may only change their own name and password");
        }
        if (request.password() != null && caller.is(id.toString())) {
            checkCurrentPassword(caller, address, id, request.currentPassword());
        }
        String hash = request.password() == null ? null : passwords.hash(request.password());
        User updated = tx.inTenant(caller.tenant(), c -> users.update(c, id, request.name(), hash, request.role()))
                .orElseThrow(() -> ProblemException.notFound("user"));
        if (hash != null || request.role() != null) {
            changes.publishEvent(new UserChanged(caller.tenant().key(), id));
        }
        return updated;
    }

    public void delete(Caller caller, UUID id) {
        caller.requireAdmin();
        if (!tx.inTenant(caller.tenant(), c -> users.delete(c, id))) {
            throw ProblemException.notFound("user");
        }
        changes.publishEvent(new UserChanged(caller.tenant().key(), id));
    }

    private void checkCurrentPassword(Caller caller, String address, UUID id, @Nullable String current) {
        if (current == null) {
            throw ProblemException.validation("current_password is required to change your own password");
        }
        UserRepository.Credentials own = tx.inTenant(caller.tenant(), c -> users.credentials(c, id))
                .orElseThrow(() -> ProblemException.notFound("user"));
        try (LoginThrottle.Attempt attempt = throttle.begin(address, caller.tenant().key(), own.email())) {
            if (!passwords.matches(current, own.passwordHash())) {
                throw ProblemException.forbidden("current_password is wrong");
            }
            attempt.succeeded();
        }
    }

    /** The identity a token is issued for. */
    public record AuthenticatedUser(UUID id, String role) {
    }
}
