package dev.gateway.app.users;

import dev.gateway.app.db.TenantTransactions;
import dev.gateway.app.directory.TenantEntry;
import dev.gateway.app.http.ProblemException;
import dev.gateway.app.mail.Mail;
import dev.gateway.app.mail.MailPublisher;
import dev.gateway.app.mail.WorkspaceLinks;
import dev.gateway.app.resolve.Caller;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * People asking to join a workspace: they become {@code pending} members (or {@code active} at once where the
 * workspace admits anyone, within its seats), and an admin approves (within the seats) or rejects each request.
 * Every decision is mailed to the person after commit; a decision asked for again answers as the first did and
 * asks for the same mail, so a request retried after {@code mail-unavailable} is safe.
 */
@Singleton
public class JoinRequestService {

    private final TenantTransactions tx;
    private final UserRepository users;
    private final PasswordHasher passwords;
    private final MailPublisher mails;
    private final WorkspaceLinks links;

    public JoinRequestService(TenantTransactions tx, UserRepository users, PasswordHasher passwords, MailPublisher mails,
                              WorkspaceLinks links) {
        this.tx = tx;
        this.users = users;
        this.passwords = passwords;
        this.mails = mails;
        this.links = links;
    }

    /**
     * A new member with this email, name and password: active at once when {@code admitAtOnce} (403
     * {@code user-limit-reached} when every seat is taken), else pending. The same request again (same email and
     * password, the user still as it left it) answers the same; any other user with that email is 409
     * {@code email-taken}. A pending request is mailed to every active admin.
     */
    public UserStatus join(TenantEntry tenant, String correlationId, String email, String name, String password,
                           boolean admitAtOnce) {
        String hash = passwords.hash(password);
        UserStatus status = admitAtOnce ? UserStatus.ACTIVE : UserStatus.PENDING;
        Joined joined = tx.inTenant(tenant, c -> {
            users.lock(c);
            Optional<UserRepository.Credentials> existing = users.credentials(c, email);
            if (existing.isPresent()) {
                UserRepository.Credentials user = existing.get();
                if (user.status() != status || !passwords.matches(password, user.passwordHash())) {
                    throw UserProblems.emailTaken();
                }
                return new Joined(user.id(), admins(c, status));
            }
            if (admitAtOnce) {
                Seats.requireFree(c, users, tenant);
            }
            User user = users.insert(c, email, name, hash, "member", status);
            return new Joined(user.id(), admins(c, status));
        });
        mails.publish(tenant, correlationId, joined.adminsToTell().stream().map(admin -> Mail.of(admin, "join-request",
                Map.of("company_name", tenant.companyName(),
                        "requester_name", name,
                        "requester_email", email,
                        "review_url", links.pendingUsers(tenant.key())), joined.user(), admin)).toList());
        return status;
    }

    public User approve(Caller caller, UUID id) {
        caller.requireAdmin();
        TenantEntry tenant = caller.tenant();
        User approved = tx.inTenant(tenant, c -> {
            users.lock(c);
            User user = users.find(c, id).orElseThrow(() -> ProblemException.notFound("user"));
            switch (user.userStatus()) {
                case ACTIVE -> {
                    return user;
                }
                case PENDING -> {
                    Seats.requireFree(c, users, tenant);
                    return users.update(c, id, UserRepository.Change.status(UserStatus.ACTIVE)).orElseThrow();
                }
                default -> throw notPending(user);
            }
        });
        mails.publish(tenant, caller.correlationId(), List.of(Mail.of(approved.email(), "join-approved", Map.of(
                "company_name", tenant.companyName(),
                "signin_url", links.signIn(tenant.key())), approved.id())));
        return approved;
    }

    public User reject(Caller caller, UUID id, @Nullable String reason) {
        caller.requireAdmin();
        TenantEntry tenant = caller.tenant();
        User rejected = tx.inTenant(tenant, c -> {
            users.lock(c);
            User user = users.find(c, id).orElseThrow(() -> ProblemException.notFound("user"));
            return switch (user.userStatus()) {
                case REJECTED -> user;
                case PENDING -> users.update(c, id, UserRepository.Change.status(UserStatus.REJECTED)).orElseThrow();
                default -> throw notPending(user);
            };
        });
        mails.publish(tenant, caller.correlationId(), List.of(Mail.of(rejected.email(), "join-rejected", Map.of(
                "company_name", tenant.companyName(),
                "reason", reason == null ? "" : reason.trim()), rejected.id())));
        return rejected;
    }

    private List<String> admins(Connection c, UserStatus joined) throws SQLException {
        return joined == UserStatus.PENDING ? users.activeAdminEmails(c) : List.of();
    }

    private static ProblemException notPending(User user) {
        return ProblemException.conflict("the user is " + user.status() + ", not waiting for a decision");
    }

    /** A join request as recorded: the user and the admins to tell about it (none when it was admitted at once). */
    private record Joined(UUID user, List<String> adminsToTell) {
    }
}
