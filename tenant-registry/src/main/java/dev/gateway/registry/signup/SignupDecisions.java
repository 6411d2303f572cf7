package dev.gateway.registry.signup;

import dev.gateway.events.EventType;
import dev.gateway.registry.http.ValidationException;
import dev.gateway.registry.tenant.Actor;
import dev.gateway.registry.tenant.CreateTenantRequest;
import dev.gateway.registry.tenant.TenantCreationService;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionDefinition.Propagation;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Decides a pending signup, once. Approving creates the tenant through the normal creation path, in the same
 * transaction as the decision, its event and the invitation mail: when anything fails, nothing happened and the
 * signup is still pending. Deciding the same way again answers the decided signup; deciding otherwise is 409.
 */
@Singleton
public class SignupDecisions {

    static final Actor EXPIRY = new Actor("expiry");
    private static final int MAX_REASON = 1000;

    private final SignupRepository signups;
    private final TenantCreationService creation;
    private final SignupEvents events;
    private final SignupMails mails;

    SignupDecisions(SignupRepository signups, TenantCreationService creation, SignupEvents events, SignupMails mails) {
        this.signups = signups;
        this.creation = creation;
        this.events = events;
        this.mails = mails;
    }

    @Transactional
    public SignupResponse approve(UUID id, Actor actor, @Nullable String correlationId) {
        Signup signup = lock(id);
        if (signup.is(SignupStatus.APPROVED)) {
            return SignupResponse.of(signup);
        }
        if (!signup.is(SignupStatus.PENDING)) {
            throw new SignupDecidedException(signup, SignupStatus.APPROVED.wire());
        }
        return SignupResponse.of(approvePending(signup, actor, correlationId));
    }

    @Transactional
    public SignupResponse reject(UUID id, @Nullable String reason, Actor actor, @Nullable String correlationId) {
        if (reason == null || reason.isBlank() || reason.strip().length() > MAX_REASON) {
            throw new ValidationException("reason", "reason must be 1 to " + MAX_REASON + " characters: the requester"
                    + " reads it");
        }
        Signup signup = lock(id);
        if (signup.is(SignupStatus.REJECTED)) {
            return SignupResponse.of(signup);
        }
        if (!signup.is(SignupStatus.PENDING)) {
            throw new SignupDecidedException(signup, SignupStatus.REJECTED.wire());
        }
        Signup rejected = signups.update(signup.decide(SignupStatus.REJECTED, reason.strip(), actor.name(), null, now()));
        mails.rejected(rejected, events.record(rejected, EventType.SIGNUP_REJECTED, correlationId));
        return SignupResponse.of(rejected);
    }

    /** Expires a signup still pending that was made before {@code madeBefore}; false when it is not (any more). */
    @Transactional
    public boolean expire(UUID id, Instant madeBefore, String reason) {
        Signup signup = lock(id);
        if (!signup.is(SignupStatus.PENDING) || !signup.createdAt().isBefore(madeBefore)) {
            return false;
        }
        Signup expired = signups.update(signup.decide(SignupStatus.EXPIRED, reason, EXPIRY.name(), null, now()));
        events.record(expired, EventType.SIGNUP_EXPIRED, null);
        return true;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    Signup approvePending(Signup signup, Actor actor, @Nullable String correlationId) {
        TenantCreationService.Created created = creation.create(CreateTenantRequest.forSignup(signup.key(),
                signup.companyName(), signup.plan(), signup.adminEmail()), actor, correlationId);
        Signup approved = signups.update(signup.decide(SignupStatus.APPROVED, null, actor.name(),
                created.tenant().key(), now()));
        mails.approved(approved, created.invitation(), events.record(approved, EventType.SIGNUP_APPROVED, correlationId));
        return approved;
    }

    private Signup lock(UUID id) {
        return signups.findByIdForUpdate(id).orElseThrow(() -> new SignupNotFoundException(id));
    }

    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
