package dev.gateway.registry.tenant;

import dev.gateway.events.ProvisioningResult;
import dev.gateway.registry.pool.PoolService;
import io.micronaut.transaction.TransactionDefinition.Propagation;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * Moves tenants on provisioner results, inside the consumer's transaction. Each method returns false when
 * the tenant is already past the state the result is about (a late or repeated result changes nothing).
 */
@Singleton
public class TenantResultService {

    private final TenantRepository tenants;
    private final TenantLifecycle lifecycle;
    private final PoolService pools;

    public TenantResultService(TenantRepository tenants, TenantLifecycle lifecycle, PoolService pools) {
        this.tenants = tenants;
        this.lifecycle = lifecycle;
        this.pools = pools;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Tenant> lockIfExists(String key) {
        return tenants.findByKeyForUpdate(key);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public boolean started(Tenant tenant, Actor actor, String causeId) {
        if (tenant.tenantStatus() != TenantStatus.PENDING) {
            return false;
        }
        lifecycle.transition(tenant, TenantStatus.PROVISIONING, null, actor, causeId, t -> t);
        return true;
    }

    /** A pending tenant whose start event was lost or overtaken goes through provisioning first: two rows. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean succeeded(Tenant tenant, ProvisioningResult result, Actor actor, String causeId) {
        Tenant current = tenant;
        if (current.tenantStatus() == TenantStatus.PENDING) {
            current = lifecycle.transition(current, TenantStatus.PROVISIONING, null, actor, causeId, t -> t);
        }
        if (current.tenantStatus() != TenantStatus.PROVISIONING) {
            return false;
        }
        lifecycle.transition(current, TenantStatus.READY, null, actor, causeId,
                t -> t.withObjectNames(or(result.dbName(), t.dbName()), or(result.schemaName(), t.schemaName()),
                        or(result.roleName(), t.roleName())).withAdminInvitationHash(null));
        return true;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public boolean failed(Tenant tenant, ProvisioningResult result, Actor actor, String causeId) {
        TenantStatus status = tenant.tenantStatus();
        if (status != TenantStatus.PENDING && status != TenantStatus.PROVISIONING) {
            return false;
        }
        String reason = or(result.errorCode(), "internal") + ": " + or(result.errorMessage(), "no message");
        lifecycle.transition(tenant, TenantStatus.FAILED, reason, actor, causeId, t -> t);
        return true;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public boolean deprovisioned(Tenant tenant, Actor actor, String causeId) {
        if (tenant.tenantStatus() != TenantStatus.DELETING) {
            return false;
        }
        lifecycle.transition(tenant, TenantStatus.DELETED, null, actor, causeId, t -> t);
        pools.releaseSeat(tenant.poolId());
        return true;
    }

    private static String or(String value, String fallback) {
        return value != null && !value.isBlank() ? value : fallback;
    }
}
