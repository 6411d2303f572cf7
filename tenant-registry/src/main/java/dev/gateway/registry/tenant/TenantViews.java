package dev.gateway.registry.tenant;

import dev.gateway.events.TenantSnapshot;
import dev.gateway.registry.plan.Plan;
import dev.gateway.registry.plan.PlanService;
import dev.gateway.registry.pool.PoolService;
import dev.gateway.registry.pool.SharedPool;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** Turns a tenant row into its event snapshot or API response: limits are the plan merged with overrides. */
@Singleton
public class TenantViews {

    private final PlanService plans;
    private final PoolService pools;

    public TenantViews(PlanService plans, PoolService pools) {
        this.plans = plans;
        this.pools = pools;
    }

    public TenantSnapshot snapshot(Tenant t, boolean withAdmin) {
        return snapshot(t, plans.find(t.plan()).orElseThrow(), pools.find(t.poolId()).orElseThrow(), withAdmin);
    }

    public TenantResponse response(Tenant t) {
        return response(t, plans.find(t.plan()).orElseThrow(), pools.find(t.poolId()).orElseThrow());
    }

    /** Responses for a page, reading each plan and pool once. */
    public List<TenantResponse> responses(List<Tenant> tenants) {
        Map<String, Plan> planByKey = plans.list().stream().collect(Collectors.toMap(Plan::key, p -> p));
        Map<UUID, SharedPool> poolById = pools.list().stream().collect(Collectors.toMap(SharedPool::id, p -> p));
        return tenants.stream().map(t -> response(t, planByKey.get(t.plan()), poolById.get(t.poolId()))).toList();
    }

    private static TenantSnapshot snapshot(Tenant t, Plan plan, SharedPool pool, boolean withAdmin) {
        return new TenantSnapshot(t.id(), t.key(), t.companyName(), t.plan(),
                or(t.ratePerSecond(), plan.ratePerSecond()), or(t.burst(), plan.burst()),
                or(t.maxUsers(), plan.maxUsers()), or(t.maxProjects(), plan.maxProjects()),
                or(t.maxStorageMb(), plan.maxStorageMb()), plan.featureList(), t.status(), t.statusReason(), t.isolation(),
                new TenantSnapshot.PoolRef(pool.id(), pool.name(), pool.host(), pool.port(), pool.database(),
                        pool.isolation()),
                t.dbName(), t.schemaName(), t.roleName(), t.revision(), t.createdAt(), t.updatedAt(), t.readyAt(),
                t.deletedAt(), withAdmin ? t.adminEmail() : null, withAdmin ? t.adminInvitationHash() : null);
    }

    private static TenantResponse response(Tenant t, Plan plan, SharedPool pool) {
        TenantSnapshot s = snapshot(t, plan, pool, false);
        TenantSnapshot.PoolRef p = s.pool();
        return new TenantResponse(s.id(), s.key(), s.companyName(), s.plan(), s.ratePerSecond(), s.burst(),
                s.maxUsers(), s.maxProjects(), s.maxStorageMb(), s.features(), s.status(), s.statusReason(), s.isolation(),
                new TenantResponse.PoolRefResponse(p.id(), p.name(), p.host(), p.port(), p.database(), p.isolation()),
                s.dbName(), s.schemaName(), s.roleName(), s.revision(), s.createdAt(), s.updatedAt(), s.readyAt(),
                s.deletedAt(), t.adminEmail(), null);
    }

    private static int or(Integer override, int planValue) {
        return override != null ? override : planValue;
    }
}
