package dev.gateway.registry.tenant;

import dev.gateway.events.EventType;
import dev.gateway.events.TenantKey;
import dev.gateway.problems.FieldError;
import dev.gateway.registry.http.UniqueViolation;
import dev.gateway.registry.http.ValidationException;
import dev.gateway.registry.invitation.Invitation;
import dev.gateway.registry.invitation.InvitationToken;
import dev.gateway.registry.invitation.WorkspaceLinks;
import dev.gateway.registry.mail.MailOutbox;
import dev.gateway.registry.plan.PlanService;
import dev.gateway.registry.pool.PoolService;
import dev.gateway.registry.pool.SharedPool;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Creates a pending tenant: validation, a seat on a pool, the row, its history and {@code tenant.created} carrying
 * the SHA-256 of a fresh single-use invitation for the first admin. The one path for operators' creates and approved
 * signups; each caller decides how the invitation reaches the admin.
 */
@Singleton
public class TenantCreationService {

    static final String DEFAULT_PLAN = "free";
    static final String INVITATION_MAIL = "invitation-admin";

    private final TenantRepository tenants;
    private final TenantLifecycle lifecycle;
    private final TenantViews views;
    private final PlanService plans;
    private final PoolService pools;
    private final WorkspaceLinks links;
    private final MailOutbox mails;

    public TenantCreationService(TenantRepository tenants, TenantLifecycle lifecycle, TenantViews views,
                                 PlanService plans, PoolService pools, WorkspaceLinks links, MailOutbox mails) {
        this.tenants = tenants;
        this.lifecycle = lifecycle;
        this.views = views;
        this.plans = plans;
        this.pools = pools;
        this.links = links;
        this.mails = mails;
    }

    /** The new pending tenant and its first admin's invitation, to be shown or mailed once and never again. */
    public record Created(TenantResponse tenant, Invitation invitation) {
    }

    /**
     * An operator's create: with {@code admin_email} the invitation is mailed ({@code invitation-admin}) and the
     * answer carries none; without, the answer carries it, once.
     */
    @Transactional
    public TenantResponse createByOperator(CreateTenantRequest r, Actor actor, @Nullable String correlationId) {
        Created created = create(r, actor, correlationId);
        if (r.adminEmail() == null) {
            return created.tenant().withInvitation(created.invitation());
        }
        mails.send(r.key(), correlationId, r.adminEmail(), INVITATION_MAIL, Map.of(
                "company_name", created.tenant().companyName(),
                "activate_url", created.invitation().url(),
                "expires_at", MailOutbox.time(created.invitation().expiresAt())));
        return created.tenant();
    }

    @Transactional
    public Created create(CreateTenantRequest r, Actor actor, @Nullable String correlationId) {
        String planKey = r.plan() == null ? DEFAULT_PLAN : r.plan();
        SharedPool requestedPool = validate(r, planKey);
        if (tenants.existsByKey(r.key())) {
            throw new TenantExistsException(r.key());
        }
        SharedPool pool = requestedPool != null ? requestedPool : pools.leastUsedActive()
                .orElseThrow(() -> new PoolFullException("no active pool has room for another tenant"));
        InvitationToken invitation = InvitationToken.generate();
        Tenant pending = pending(r, planKey, pool, invitation.hash());
        Tenant created;
        try {
            created = lifecycle.created(pending, actor, correlationId);
        } catch (DataAccessException e) {
            if (UniqueViolation.causedBy(e)) {
                throw new TenantExistsException(r.key());
            }
            throw e;
        }
        TenantResponse response = views.response(created);
        takeSeat(pool);
        return new Created(response, links.invitation(r.key(), invitation, created.createdAt()));
    }

    /** Every broken rule at once; returns the requested pool, or null when the registry picks one. */
    private @Nullable SharedPool validate(CreateTenantRequest r, String planKey) {
        List<FieldError> errors = new ArrayList<>();
        TenantRequestRules.key(errors, r.key());
        TenantRequestRules.companyName(errors, r.companyName());
        TenantRequestRules.adminEmail(errors, r.adminEmail());
        TenantRequestRules.noAdminPassword(errors, r.adminPassword());
        if (plans.find(planKey).isEmpty()) {
            errors.add(new FieldError("plan", "plan '" + planKey + "' does not exist"));
        }
        SharedPool pool = r.poolId() == null ? null : pools.find(r.poolId()).orElse(null);
        if (r.poolId() != null && pool == null) {
            errors.add(new FieldError("pool_id", "pool '" + r.poolId() + "' does not exist"));
        } else if (pool != null && !pool.active()) {
            errors.add(new FieldError("pool_id", "pool '" + pool.name() + "' is draining and takes no new tenants"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return pool;
    }

    /**
     * Last step of the transaction: the conditional update locks the pool row until commit, so concurrent
     * creates never overfill it, and taking it last keeps that lock short. Refused → the whole create rolls back.
     */
    private void takeSeat(SharedPool pool) {
        if (!pools.takeSeat(pool.id())) {
            throw new PoolFullException("pool '" + pool.name() + "' is full or no longer active");
        }
    }

    private static Tenant pending(CreateTenantRequest r, String plan, SharedPool pool, String invitationHash) {
        Instant now = TenantLifecycle.now();
        String objectName = TenantKey.objectName(r.key());
        String dbName = "database".equals(pool.isolation()) ? objectName : pool.database();
        UUID id = UUID.randomUUID();
        return new Tenant(id, r.key(), r.companyName().strip(), plan, pool.id(), TenantStatus.PENDING.wire(), null,
                pool.isolation(), dbName, objectName, objectName, null, null, null, null, null, r.adminEmail(), invitationHash, 1,
                id, EventType.TENANT_CREATED.subject(), 1, id.toString(), now, now, now, null, null);
    }
}
