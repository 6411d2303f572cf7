package dev.gateway.registry.tenant;

import dev.gateway.registry.http.Cursor;
import dev.gateway.problems.FieldError;
import dev.gateway.registry.http.Page;
import dev.gateway.registry.http.ValidationException;
import dev.gateway.registry.plan.PlanService;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;

/** Reads tenants and applies operator changes: settings, suspend, activate, retry, delete. */
@Singleton
public class TenantService {

    private final TenantRepository tenants;
    private final TenantEventRepository history;
    private final TenantLifecycle lifecycle;
    private final TenantViews views;
    private final PlanService plans;

    public TenantService(TenantRepository tenants, TenantEventRepository history, TenantLifecycle lifecycle,
                         TenantViews views, PlanService plans) {
        this.tenants = tenants;
        this.history = history;
        this.lifecycle = lifecycle;
        this.views = views;
        this.plans = plans;
    }

    @Transactional
    public TenantResponse update(String key, UpdateTenantRequest r, Actor actor, @Nullable String correlationId) {
        List<FieldError> errors = new ArrayList<>();
        if (r.isEmpty()) {
            errors.add(new FieldError(null, "nothing to update: send company_name, plan, rate_per_second, burst, max_users, "
                    + "max_projects or max_storage_mb"));
        }
        if (r.companyName() != null) {
            TenantRequestRules.companyName(errors, r.companyName());
        }
        TenantRequestRules.limit(errors, "rate_per_second", r.ratePerSecond());
        TenantRequestRules.limit(errors, "burst", r.burst());
        TenantRequestRules.limit(errors, "max_users", r.maxUsers());
        TenantRequestRules.quota(errors, "max_projects", r.maxProjects());
        TenantRequestRules.quota(errors, "max_storage_mb", r.maxStorageMb());
        if (r.plan() != null && plans.find(r.plan()).isEmpty()) {
            errors.add(new FieldError("plan", "plan '" + r.plan() + "' does not exist"));
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
                r.maxUsers() != null ? r.maxUsers() : current.maxUsers(),
                r.maxProjects() != null ? r.maxProjects() : current.maxProjects(),
                r.maxStorageMb() != null ? r.maxStorageMb() : current.maxStorageMb(), TenantLifecycle.now());
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

    public boolean exists(String key) {
        return tenants.existsByKey(key);
    }

    /** Tenants still in service whose first admin or an active member has {@code email} (any case), in key order. */
    public List<TenantResponse> withMember(String email) {
        return views.responses(tenants.findInServiceByMemberEmail(email));
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
            throw new ValidationException("status", "status must be one of pending, provisioning, ready, suspended, failed,"
                    + " deleting, deleted");
        }
        if (q != null && q.length() > 200) {
            throw new ValidationException("q", "q must be at most 200 characters");
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

    private static String escapeLike(String q) {
        return q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
