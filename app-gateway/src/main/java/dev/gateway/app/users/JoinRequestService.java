package dev.gateway.app.users;

import dev.gateway.app.db.TenantTransactions;
import dev.gateway.app.directory.TenantEntry;
import dev.gateway.app.http.ProblemException;
import dev.gateway.app.mail.Mail;
import dev.gateway.app.mail.MailRequests;
import dev.gateway.app.mail.WorkspaceLinks;
import dev.gateway.app.resolve.Caller;
import dev.gateway.events.EventType;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * People asking to join a workspace: they become {@code pending} members (or {@code active} at once where the
 * workspace admits anyone, within its seats), and an admin approves (within the seats) or rejects each request.
 * Every decision is recorded in the tenant's activity and mailed to the person, both in the deciding transaction; a
 * decision asked for again answers as the first did and records and mails nothing more.
 */
@Singleton
public class JoinRequestService {

    private final TenantTransactions tx;
    private final UserRepository users;
    private final PasswordHasher passwords;
    private final WorkspaceLinks links;

    public JoinRequestService(TenantTransactions tx, UserRepository users, PasswordHasher passwords,
                              WorkspaceLinks links) {
        this.tx = tx;
        this.users = users;
        this.passwords = passwords;
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
        tx.changing(tenant, correlationId, (c, events) -> {
            users.lock(c);
            Optional<UserRepository.Credentials> existing = users.credentials(c, email);
            if (existing.isPresent()) {
                UserRepository.Credentials user = existing.get();
                if (user.status() != status || !passwords.matches(password, user.passwordHash())) {
                    throw UserProblems.emailTaken();
                }
                return null;
            }
            if (admitAtOnce) {
                Seats.requireFree(c, users, tenant);
            }
            User user = users.insert(c, email, name, hash, "member", status);
            events.activity(admitAtOnce ? EventType.ACTIVITY_USER_JOINED : EventType.ACTIVITY_USER_SIGNUP_REQUESTED,
                    null, email, user.id(), email);
            if (!admitAtOnce) {
                MailRequests.ask(events, tenant, correlationId, users.activeAdminEmails(c).stream().map(admin ->
                        Mail.of(admin, "join-request", Map.of("company_name", tenant.companyName(),
                                "requester_name", name,
                                "requester_email", email,
                                "review_url", links.pendingUsers(tenant.key())), user.id(), admin)).toList());
            }
            return null;
        });
        return status;
    }

    public User approve(Caller caller, UUID id) {
        caller.requireAdmin();
        TenantEntry tenant = caller.tenant();
        return tx.changing(tenant, caller.correlationId(), (c, events) -> {
            users.lock(c);
            User user = users.find(c, id).orElseThrow(() -> ProblemException.notFound("user"));
            switch (user.userStatus()) {
                case ACTIVE -> {
                    return user;
                }
                case PENDING -> {
                    Seats.requireFree(c, users, tenant);
                    User approved = users.update(c, id, UserRepository.Change.status(UserStatus.ACTIVE)).orElseThrow();
                    events.activity(EventType.ACTIVITY_USER_JOINED, caller, id, approved.email());
                    MailRequests.ask(events, tenant, caller.correlationId(), List.of(Mail.of(approved.email(),
                            "join-approved", Map.of("company_name", tenant.companyName(),
                                    "signin_url", links.signIn(tenant.key())), approved.id())));
                    return approved;
                }
                default -> throw notPending(user);
            }
        });
    }

    public User reject(Caller caller, UUID id, @Nullable String reason) {
        caller.requireAdmin();
        TenantEntry tenant = caller.tenant();
        return tx.changing(tenant, caller.correlationId(), (c, events) -> {
            users.lock(c);
            User user = users.find(c, id).orElseThrow(() -> ProblemException.notFound("user"));
            switch (user.userStatus()) {
                case REJECTED -> {
                    return user;
                }
                case PENDING -> {
                    User rejected = users.update(c, id, UserRepository.Change.status(UserStatus.REJECTED)).orElseThrow();
                    events.activity(EventType.ACTIVITY_USER_REJECTED, caller, id, rejected.email());
                    MailRequests.ask(events, tenant, caller.correlationId(), List.of(Mail.of(rejected.email(),
                            "join-rejected", Map.of("company_name", tenant.companyName(),
                                    "reason", reason == null ? "" : reason.trim()), rejected.id())));
                    return rejected;
                }
                default -> throw notPending(user);
            }
        });
    }

    private static ProblemException notPending(User user) {
        return ProblemException.conflict("the user is " + user.status() + ", not waiting for a decision");
    }
}
