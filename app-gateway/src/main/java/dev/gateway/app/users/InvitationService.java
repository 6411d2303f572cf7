package dev.gateway.app.users;

import dev.gateway.app.db.TenantTransactions;
import dev.gateway.app.directory.TenantEntry;
import dev.gateway.app.http.ProblemException;
import dev.gateway.app.mail.Mail;
import dev.gateway.app.mail.MailRequests;
import dev.gateway.app.mail.WorkspaceLinks;
import dev.gateway.app.resolve.Caller;
import dev.gateway.events.EventType;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Invitations: an admin invites an email address (the user waits as {@code invited}, taking a seat, with one open
 * single-use link mailed to it); following the link with a password activates the user. Inviting an address that
 * is already invited issues a new link and ends the old one. The invitation's mail and the activity records are
 * written in the changing transaction.
 */
@Singleton
public class InvitationService {

    private final TenantTransactions tx;
    private final UserRepository users;
    private final UserTokenRepository tokens;
    private final InvitationTokens generator;
    private final PasswordHasher passwords;
    private final WorkspaceLinks links;
    private final Duration ttl;

    public InvitationService(TenantTransactions tx, UserRepository users, UserTokenRepository tokens,
                             InvitationTokens generator, PasswordHasher passwords, WorkspaceLinks links, @Value("${gateway.invitations.ttl}") Duration ttl) {
        this.tx = tx;
        this.users = users;
        this.tokens = tokens;
        this.generator = generator;
        this.passwords = passwords;
        this.links = links;
        this.ttl = ttl;
    }

    public User invite(Caller caller, InviteUserRequest request) {
        caller.requireAdmin();
        TenantEntry tenant = caller.tenant();
        String email = request.email().trim();
        String token = generator.generate();
        String hash = InvitationTokens.hash(token);
        Instant expires = Instant.now().plus(ttl).truncatedTo(ChronoUnit.SECONDS);
        return tx.changing(tenant, caller.correlationId(), (c, events) -> {
            users.lock(c);
            User user = users.findByEmail(c, email).orElse(null);
            if (user == null) {
                Seats.requireFree(c, users, tenant);
                user = users.insert(c, email, null, null, request.role(), UserStatus.INVITED);
            } else if (user.userStatus() == UserStatus.INVITED) {
                tokens.revokeOpen(c, user.id());
                user = users.update(c, user.id(), new UserRepository.Change(null, null, null, request.role(), null))
                        .orElseThrow();
            } else {
                throw UserProblems.emailTaken();
            }
            tokens.insertInvitation(c, hash, user.id(), expires);
            Optional<User> admin = caller.userId().isPresent() ? users.find(c, caller.userId().get()) : Optional.empty();
            String by = admin.map(a -> a.name() != null ? a.name() : a.email())
                    .orElse("an admin of " + tenant.companyName());
            events.activity(EventType.ACTIVITY_USER_INVITED, caller.userId().orElse(null),
                    admin.map(User::email).orElse(null), user.id(), email);
            MailRequests.ask(events, tenant, caller.correlationId(), List.of(Mail.of(email, "invitation", Map.of(
                    "company_name", tenant.companyName(),
                    "invited_by", by,
                    "role", user.role(),
                    "activate_url", links.activate(tenant.key(), token),
                    "expires_at", expires.toString()), user.id(), hash.substring(0, 16))));
            return user;
        });
    }

    /** Sets the invited user's password (and email, when the invitation had none) and uses up its links. */
    public AuthenticatedUser activate(TenantEntry tenant, String correlationId, ActivateRequest request) {
        String hash = InvitationTokens.hash(request.token());
        String passwordHash = passwords.hash(request.password());
        return tx.changing(tenant, correlationId, (c, events) -> {
            UserTokenRepository.Invitation invitation = tokens.lockInvitation(c, hash)
                    .filter(found -> !found.used()).orElseThrow(UserProblems::invitationInvalid);
            User user = users.find(c, invitation.userId()).filter(found -> found.userStatus() == UserStatus.INVITED)
                    .orElseThrow(UserProblems::invitationInvalid);
            if (!invitation.expiresAt().isAfter(Instant.now())) {
                throw UserProblems.invitationExpired();
            }
            String email = null;
            if (user.email() == null) {
                if (request.email() == null || request.email().isBlank()) {
                    throw ProblemException.invalidField("email", "this invitation has no email: give the address "
                            + "you will sign in with");
                }
                email = request.email().trim();
                if (users.findByEmail(c, email).isPresent()) {
                    throw UserProblems.emailTaken();
                }
            }
            users.update(c, user.id(), new UserRepository.Change(email, request.name(), passwordHash, null,
                    UserStatus.ACTIVE));
            tokens.useAll(c, user.id());
            String address = email == null ? user.email() : email;
            events.activity(EventType.ACTIVITY_USER_JOINED, user.id(), address, user.id(), address);
            return new AuthenticatedUser(user.id(), user.role(), UserStatus.ACTIVE);
        });
    }
}
