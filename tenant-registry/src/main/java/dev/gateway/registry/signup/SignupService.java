package dev.gateway.registry.signup;

import dev.gateway.events.EventType;
import dev.gateway.registry.http.Cursor;
import dev.gateway.problems.FieldError;
import dev.gateway.registry.http.Page;
import dev.gateway.registry.http.UniqueViolation;
import dev.gateway.registry.http.ValidationException;
import dev.gateway.registry.mail.EmailAddresses;
import dev.gateway.registry.plan.Plan;
import dev.gateway.registry.plan.PlanService;
import dev.gateway.registry.tenant.Actor;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Takes company signups (at once approved on a self-service plan) and shows them to operators. */
@Singleton
public class SignupService {

    static final Actor SELF_SERVICE = new Actor("self-service");
    private static final UUID FIRST = new UUID(0, 0);

    private final SignupRepository signups;
    private final KeyAvailability keys;
    private final PlanService plans;
    private final SignupDecisions decisions;
    private final SignupEvents events;
    private final SignupMails mails;

    SignupService(SignupRepository signups, KeyAvailability keys, PlanService plans, SignupDecisions decisions,
                  SignupEvents events, SignupMails mails) {
        this.signups = signups;
        this.keys = keys;
        this.plans = plans;
        this.decisions = decisions;
        this.events = events;
        this.mails = mails;
    }

    @Transactional
    public SignupAccepted request(SignupRequest r, @Nullable String correlationId) {
        validate(r);
        KeyAvailability.Answer key = keys.check(r.key());
        if (!key.available()) {
            throw new KeyRefusedException(key);
        }
        Plan plan = plans.find(r.plan()).orElseThrow(() -> new PlanUnknownException(r.plan()));
        Instant now = SignupDecisions.now();
        Signup signup = save(new Signup(UUID.randomUUID(), r.key(), r.companyName().strip(), r.adminEmail().strip(),
                plan.key(), SignupStatus.PENDING.wire(), null, null, null, 1, now, now, null));
        String correlation = events.record(signup, EventType.SIGNUP_REQUESTED, correlationId);
        if (plan.selfService()) {
            return accepted(decisions.approvePending(signup, SELF_SERVICE, correlation));
        }
        mails.received(signup, correlation);
        return accepted(signup);
    }

    public SignupResponse get(UUID id) {
        return SignupResponse.of(signups.findById(id).orElseThrow(() -> new SignupNotFoundException(id)));
    }

    public Page<SignupResponse> list(@Nullable String status, @Nullable Integer limit, @Nullable String cursor) {
        if (status != null && !status.isEmpty() && !SignupStatus.isValid(status)) {
            throw new ValidationException("status", "status must be one of pending, approved, rejected, expired");
        }
        int size = Cursor.limit(limit);
        String after = Cursor.decode(cursor);
        List<Signup> rows = after == null ? signups.page(Instant.EPOCH, FIRST, status == null ? "" : status, size + 1)
                : signups.page(afterTime(after), afterId(after), status == null ? "" : status, size + 1);
        List<Signup> page = rows.size() > size ? rows.subList(0, size) : rows;
        Signup last = page.isEmpty() ? null : page.get(page.size() - 1);
        String next = rows.size() > size ? Cursor.encode(last.createdAt() + "|" + last.id()) : null;
        return new Page<>(page.stream().map(SignupResponse::of).toList(), next);
    }

    public SignupSummary summary() {
        return new SignupSummary(count(SignupStatus.PENDING), count(SignupStatus.APPROVED),
                count(SignupStatus.REJECTED), count(SignupStatus.EXPIRED));
    }

    private Signup save(Signup signup) {
        try {
            return signups.save(signup);
        } catch (DataAccessException e) {
            if (UniqueViolation.causedBy(e)) {
                throw new KeyRefusedException(KeyAvailability.taken(signup.key()));
            }
            throw e;
        }
    }

    private long count(SignupStatus status) {
        return signups.countByStatus(status.wire());
    }

    private static SignupAccepted accepted(Signup signup) {
        return new SignupAccepted(signup.id(), signup.status());
    }

    /** Every field problem at once, before the key and plan are looked at. */
    private static void validate(SignupRequest r) {
        List<FieldError> errors = new ArrayList<>();
        if (r.companyName() == null || r.companyName().isBlank() || r.companyName().strip().length() > 200) {
            errors.add(new FieldError("company_name", "Enter the company name (at most 200 characters)."));
        }
        if (r.key() == null || r.key().isBlank()) {
            errors.add(new FieldError("key", "Choose a workspace key."));
        }
        if (r.adminEmail() == null || !EmailAddresses.isValid(r.adminEmail().strip())) {
            errors.add(new FieldError("admin_email", "Enter a valid email address."));
        }
        if (r.plan() == null || r.plan().isBlank()) {
            errors.add(new FieldError("plan", "Choose a plan."));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    private static Instant afterTime(String cursor) {
        try {
            return Instant.parse(cursor.substring(0, cursor.indexOf('|')));
        } catch (RuntimeException e) {
            throw new ValidationException("cursor", "cursor is not valid");
        }
    }

    private static UUID afterId(String cursor) {
        try {
            return UUID.fromString(cursor.substring(cursor.indexOf('|') + 1));
        } catch (RuntimeException e) {
            throw new ValidationException("cursor", "cursor is not valid");
        }
    }
}
