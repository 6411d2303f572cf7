package dev.gateway.registry.tenant;

import dev.gateway.events.EventType;
import dev.gateway.events.TenantKey;
import dev.gateway.registry.auth.PasswordHasher;
import dev.gateway.registry.http.ValidationException;
import dev.gateway.registry.plan.PlanService;
import dev.gateway.registry.pool.PoolService;
import dev.gateway.registry.pool.SharedPool;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Creates a pending tenant: validation, a seat on a pool, the row, its history and {@code tenant.created}. */
@Singleton
public class TenantCreationService {

    static final String DEFAULT_PLAN = "free";
    private static final String UNIQUE_VIOLATION = "23505";

    private final TenantRepository tenants;
    private final TenantLifecycle lifecycle;
    private final TenantViews views;
    private final PlanService plans;
    private final PoolService pools;
    private final PasswordHasher hasher;

    public TenantCreationService(TenantRepository tenants, TenantLifecycle lifecycle, TenantViews views,
                                 PlanService plans, PoolService pools, PasswordHasher hasher) {
        this.tenants = tenants;
        this.lifecycle = lifecycle;
        this.views = views;
        this.plans = plans;
        this.pools = pools;
        this.hasher = hasher;
    }

    /** The new pending tenant and, when one was generated, the first admin's password (shown once). */
    public record Created(TenantResponse tenant, @Nullable String generatedPassword) {
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
        String generated = r.adminEmail() != null && r.adminPassword() == null ? hasher.generatePassword() : null;
        String hash = generated != null ? hasher.hashGenerated(generated)
                : r.adminPassword() != null ? hasher.hash(r.adminPassword()) : null;
        Tenant pending = pending(r, planKey, pool, hash);
        Tenant created;
        try {
            created = lifecycle.created(pending, actor, correlationId);
        } catch (DataAccessException e) {
            if (isUniqueViolation(e)) {
                throw new TenantExistsException(r.key());
            }
            throw e;
        }
        TenantResponse response = views.response(created);
        takeSeat(pool);
        return new Created(response, generated);
    }

    /** Every broken rule at once; returns the requested pool, or null when the registry picks one. */
    private @Nullable SharedPool validate(CreateTenantRequest r, String planKey) {
        List<String> errors = new ArrayList<>();
        TenantRequestRules.key(errors, r.key());
        TenantRequestRules.companyName(errors, r.companyName());
        TenantRequestRules.adminEmail(errors, r.adminEmail());
        TenantRequestRules.adminPassword(errors, r.adminPassword(), r.adminEmail());
        if (plans.find(planKey).isEmpty()) {
            errors.add("plan '" + planKey + "' does not exist");
        }
        SharedPool pool = r.poolId() == null ? null : pools.find(r.poolId()).orElse(null);
        if (r.poolId() != null && pool == null) {
            errors.add("pool '" + r.poolId() + "' does not exist");
        } else if (pool != null && !pool.active()) {
            errors.add("pool '" + pool.name() + "' is draining and takes no new tenants");
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

    private static Tenant pending(CreateTenantRequest r, String plan, SharedPool pool, @Nullable String passwordHash) {
        Instant now = TenantLifecycle.now();
        String objectName = TenantKey.objectName(r.key());
        String dbName = "database".equals(pool.isolation()) ? objectName : pool.database();
        UUID id = UUID.randomUUID();
        return new Tenant(id, r.key(), r.companyName().strip(), plan, pool.id(), TenantStatus.PENDING.wire(), null,
                pool.isolation(), dbName, objectName, objectName, null, null, null, r.adminEmail(), passwordHash, 1,
                id, EventType.TENANT_CREATED.subject(), 1, id.toString(), now, now, now, null, null);
    }

    private static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
