package dev.gateway.registry.tenant;

import dev.gateway.events.EventType;
import dev.gateway.events.TenantKey;
import dev.gateway.registry.auth.PasswordHasher;
import dev.gateway.registry.http.Cursor;
import dev.gateway.registry.http.Page;
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

@Singleton
public class TenantService {

    static final String DEFAULT_PLAN = "free";
    private static final String UNIQUE_VIOLATION = "23505";

    private final TenantRepository tenants;
    private final TenantEventRepository history;
    private final TenantLifecycle lifecycle;
    private final TenantViews views;
    private final PlanService plans;
    private final PoolService pools;
    private final PasswordHasher hasher;

    public TenantService(TenantRepository tenants, TenantEventRepository history, TenantLifecycle lifecycle,
                         TenantViews views, PlanService plans, PoolService pools, PasswordHasher hasher) {
        this.tenants = tenants;
        this.history = history;
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
        List<String> errors = new ArrayList<>();
        TenantRequestRules.key(errors, r.key());
        TenantRequestRules.companyName(errors, r.companyName());
        TenantRequestRules.adminEmail(errors, r.adminEmail());
        TenantRequestRules.adminPassword(errors, r.adminPassword(), r.adminEmail());
        String planKey = r.plan() == null ? DEFAULT_PLAN : r.plan();
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
        if (tenants.existsByKey(r.key())) {
            throw new TenantExistsException(r.key());
        }
        UUID poolId = pool != null ? pool.id() : pools.leastUsedActive().map(SharedPool::id)
                .orElseThrow(() -> new PoolFullException("no active pool has room for another tenant"));
        if (!pools.takeSeat(poolId)) {
            throw new PoolFullException("pool '" + poolId + "' is full");
        }
        SharedPool placed = pools.get(poolId);
        String generated = r.adminEmail() != null && r.adminPassword() == null ? hasher.generate(16) : null;
        String password = r.adminPassword() != null ? r.adminPassword() : generated;
        Tenant saved;
        try {
            saved = lifecycle.created(pending(r, planKey, placed, password == null ? null : hasher.hash(password)),
                    actor, correlationId);
        } catch (DataAccessException e) {
            if (isUniqueViolation(e)) {
                throw new TenantExistsException(r.key());
            }
            throw e;
        }
        return new Created(views.response(saved), generated);
    }

    @Transactional
    public TenantResponse update(String key, UpdateTenantRequest r, Actor actor, @Nullable String correlationId) {
        List<String> errors = new ArrayList<>();
        if (r.isEmpty()) {
            errors.add("nothing to update: send company_name, plan, rate_per_second, burst or max_users");
        }
        if (r.companyName() != null) {
            TenantRequestRules.companyName(errors, r.companyName());
        }
        TenantRequestRules.limit(errors, "rate_per_second", r.ratePerSecond());
        TenantRequestRules.limit(errors, "burst", r.burst());
        TenantRequestRules.limit(errors, "max_users", r.maxUsers());
        if (r.plan() != null && plans.find(r.plan()).isEmpty()) {
            errors.add("plan '" + r.plan() + "' does not exist");
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        Tenant current = lifecycle.lock(key);
        if (!TenantTransitions.acceptsUpdates(current.tenantStatus())) {
            throw new IllegalTransitionException(current.tenantStatus(), current.tenantStatus());
        }
        Tenant changed = current.withSettings(
                r.companyName() != null ? r.companyName().strip() : current.companyName(),
                r.plan() != null ? r.plan() : current.plan(),
                r.ratePerSecond() != null ? r.ratePerSecond() : current.ratePerSecond(),
                r.burst() != null ? r.burst() : current.burst(),
                r.maxUsers() != null ? r.maxUsers() : current.maxUsers(), TenantLifecycle.now());
        return views.response(lifecycle.updated(changed, actor, correlationId));
    }

    /** Operator moves: suspend, activate, retry, delete. */
    @Transactional
    public TenantResponse move(String key, TenantStatus to, Actor actor, @Nullable String correlationId) {
        Tenant current = lifecycle.lock(key);
        String reason = switch (to) {
            case SUSPENDED -> "suspended by " + actor.name();
            case READY -> "activated by " + actor.name();
            case PENDING -> "retry requested by " + actor.name();
            case DELETING -> "deletion requested by " + actor.name();
            default -> null;
        };
        return views.response(lifecycle.transition(current, to, reason, actor, correlationId, t -> t));
    }

    public TenantResponse get(String key) {
        return views.response(find(key));
    }

    public List<TenantEventResponse> history(String key) {
        return history.findByTenantIdOrderById(find(key).id()).stream().map(TenantEventResponse::of).toList();
    }

    public Page<TenantResponse> list(@Nullable String status, @Nullable String q, @Nullable Integer limit,
                                     @Nullable String cursor) {
        int size = Cursor.limit(limit);
        String after = Cursor.decode(cursor);
        if (status != null && !status.isEmpty() && !TenantStatus.isValid(status)) {
            throw new ValidationException("status must be one of pending, provisioning, ready, suspended, failed,"
                    + " deleting, deleted");
        }
        if (q != null && q.length() > 200) {
            throw new ValidationException("q must be at most 200 characters");
        }
        List<Tenant> rows = tenants.page(after == null ? "" : after, status == null ? "" : status,
                q == null ? "" : escapeLike(q), size + 1);
        List<Tenant> page = rows.size() > size ? rows.subList(0, size) : rows;
        String next = rows.size() > size ? Cursor.encode(page.get(page.size() - 1).key()) : null;
        return new Page<>(views.responses(page), next);
    }

    private Tenant find(String key) {
        return tenants.findByKey(key).orElseThrow(() -> new TenantNotFoundException(key));
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

    private static String escapeLike(String q) {
        return q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
