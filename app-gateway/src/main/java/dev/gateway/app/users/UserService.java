package dev.gateway.app.users;

import dev.gateway.app.db.TenantTransactions;
import dev.gateway.app.directory.TenantEntry;
import dev.gateway.app.http.Cursor;
import dev.gateway.app.http.Page;
import dev.gateway.app.http.PageRequest;
import dev.gateway.app.http.ProblemException;
import dev.gateway.app.ratelimit.LoginThrottle;
import dev.gateway.app.resolve.Caller;
import dev.gateway.events.EventType;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Tenant users. Admins manage users; members see active users and change their own name and password (anyone's own
 * password only with the current one, checked under the login throttle). Seats (the plan's user limit) and the last
 * active admin are checked under a table lock in the changing transaction, so concurrent changes cannot overshoot the
 * one or remove the other. A change of role, status, name or password and a deletion are announced after commit
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

    /** The user with these credentials, empty for a wrong email or password alike (whatever its status). */
    public Optional<AuthenticatedUser> authenticate(Caller caller, String email, String password) {
        Optional<UserRepository.Credentials> found = tx.inTenant(caller.tenant(), c -> users.credentials(c, email));
        if (found.isEmpty() || found.get().passwordHash() == null) {
            passwords.spendDecoyCheck(password);
            return Optional.empty();
        }
        UserRepository.Credentials credentials = found.get();
        if (!passwords.matches(password, credentials.passwordHash())) {
            return Optional.empty();
        }
        if (passwords.needsRehash(credentials.passwordHash())) {
            String stronger = passwords.hash(password);
            tx.inTenant(caller.tenant(), c -> users.update(c, credentials.id(), UserRepository.Change.password(stronger)));
        }
        return Optional.of(new AuthenticatedUser(credentials.id(), credentials.role(), credentials.status()));
    }

    /**
     * Records a sign-in with {@code email} in the tenant's activity: succeeded when {@code failure} is null, else
     * failed for that reason; {@code user} when the credentials were right.
     */
    public void recordLogin(Caller caller, String email, @Nullable UUID user, @Nullable String failure) {
        tx.changing(caller.tenant(), caller.correlationId(), (c, events) -> {
            events.activity(failure == null ? EventType.ACTIVITY_LOGIN_SUCCEEDED : EventType.ACTIVITY_LOGIN_FAILED,
                    user, email.trim(), null, failure);
            return null;
        });
    }

    /** Admins see every user (or those of {@code status}); members active users only. */
    public Page<User> list(Caller caller, PageRequest page, @Nullable String status) {
        UserStatus wanted = status == null ? null : UserStatus.of(status)
                .orElseThrow(() -> ProblemException.validation("status must be one of invited, pending, active, "
                        + "rejected, disabled"));
        if (!caller.isAdmin()) {
            if (wanted != null && wanted != UserStatus.ACTIVE) {
                throw ProblemException.forbidden("only a tenant admin may see users who are not active");
            }
            wanted = UserStatus.ACTIVE;
        }
        UserStatus filter = wanted;
        return Cursor.page(tx.inTenant(caller.tenant(), c -> users.page(c, page, filter)), page.limit(), User::position);
    }

    public User get(Caller caller, UUID id) {
        return tx.inTenant(caller.tenant(), c -> users.find(c, id))
                .filter(user -> caller.isAdmin() || user.userStatus() == UserStatus.ACTIVE)
                .orElseThrow(() -> ProblemException.notFound("user"));
    }

    public User create(Caller caller, CreateUserRequest request) {
        caller.requireAdmin();
        String hash = passwords.hash(request.password());
        return tx.changing(caller.tenant(), caller.correlationId(), (c, events) -> {
            users.lock(c);
            Seats.requireFree(c, users, caller.tenant());
            User user = users.insert(c, request.email().trim(), request.name(), hash, request.role(), UserStatus.ACTIVE);
            events.activity(EventType.ACTIVITY_USER_JOINED, caller, user.id(), user.email());
            return user;
        });
    }

    /** The user a token of ours stands for, while it may still use it: empty unless the user exists and is active. */
    public Optional<User> activeUser(TenantEntry tenant, UUID id) {
        return tx.inTenant(tenant, c -> users.find(c, id)).filter(user -> user.userStatus() == UserStatus.ACTIVE);
    }

    /** {@code address}: the caller's client address, counted by the login throttle for a password check. */
    public User update(Caller caller, String address, UUID id, UpdateUserRequest request) {
        if (!caller.isAdmin() && (!caller.is(id.toString()) || request.role() != null || request.status() != null)) {
            throw ProblemException.forbidden("members may only change their own name and password");
        }
        if (request.password() != null && caller.is(id.toString())) {
            checkCurrentPassword(caller, address, id, request.currentPassword());
        }
        String hash = request.password() == null ? null : passwords.hash(request.password());
        UserStatus status = request.status() == null ? null : UserStatus.of(request.status()).orElseThrow();
        User updated = tx.changing(caller.tenant(), caller.correlationId(), (c, events) -> {
            User user = lockAndFind(c, id);
            if (status != null && !Set.of(UserStatus.ACTIVE, UserStatus.DISABLED).contains(user.userStatus())) {
                throw ProblemException.conflict("the user is " + user.status() + ": approve, reject or delete it instead");
            }
            boolean staysActiveAdmin = !"member".equals(request.role()) && status != UserStatus.DISABLED;
            if (user.isActiveAdmin() && !staysActiveAdmin) {
                LastAdmin.requireAnother(c, users, id);
            }
            User changed = users.update(c, id, new UserRepository.Change(null, request.name(), hash, request.role(),
                    status)).orElseThrow();
            events.activity(EventType.ACTIVITY_USER_UPDATED, caller, id, changed.email());
            return changed;
        });
        changes.publishEvent(new UserChanged(caller.tenant().key(), id));
        return updated;
    }

    public void delete(Caller caller, UUID id) {
        caller.requireAdmin();
        tx.changing(caller.tenant(), caller.correlationId(), (c, events) -> {
            User user = lockAndFind(c, id);
            if (user.isActiveAdmin()) {
                LastAdmin.requireAnother(c, users, id);
            }
            boolean deleted = users.delete(c, id);
            events.activity(EventType.ACTIVITY_USER_REMOVED, caller, id, user.email());
            return deleted;
        });
        changes.publishEvent(new UserChanged(caller.tenant().key(), id));
    }

    /** Users taking a seat of the plan (active and invited), inside the caller's transaction. */
    public long seatsTaken(Connection connection) throws SQLException {
        return users.seatsTaken(connection);
    }

    private User lockAndFind(Connection c, UUID id) throws SQLException {
        users.lock(c);
        return users.find(c, id).orElseThrow(() -> ProblemException.notFound("user"));
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
}
