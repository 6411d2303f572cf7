package dev.gateway.registry.pool;

import dev.gateway.registry.http.ConflictException;
import dev.gateway.problems.FieldError;
import dev.gateway.registry.http.ValidationException;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Singleton
public class PoolService {

    private final PoolRepository pools;
    private final PoolPlacement placement;

    public PoolService(PoolRepository pools, PoolPlacement placement) {
        this.pools = pools;
        this.placement = placement;
    }

    public List<SharedPool> list() {
        return pools.findAllOrderByName();
    }

    public SharedPool get(UUID id) {
        return pools.findById(id).orElseThrow(() -> new PoolNotFoundException(id.toString()));
    }

    public Optional<SharedPool> find(UUID id) {
        return pools.findById(id);
    }

    public Optional<SharedPool> leastUsedActive() {
        return pools.findLeastUsedActive();
    }

    /** Takes a seat on an active pool inside the caller's transaction; false when full or draining. */
    public boolean takeSeat(UUID poolId) {
        return pools.takeSeat(poolId) == 1;
    }

    public void releaseSeat(UUID poolId) {
        pools.releaseSeat(poolId);
    }

    @Transactional
    public SharedPool create(CreatePoolRequest r) {
        List<FieldError> errors = new ArrayList<>();
        PoolRules.name(errors, r.name());
        PoolRules.host(errors, r.host());
        PoolRules.port(errors, r.port() == null ? 5432 : r.port());
        PoolRules.isolation(errors, r.isolation() == null ? "database" : r.isolation());
        PoolRules.maxTenants(errors, r.maxTenants() == null ? 100 : r.maxTenants());
        String isolation = r.isolation() == null ? "database" : r.isolation();
        String database = r.database() != null ? r.database() : defaultDatabase(isolation);
        PoolRules.database(errors, database);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        placement.check(r.host(), r.port() == null ? 5432 : r.port(), database);
        if (pools.existsByName(r.name())) {
            throw new ConflictException("pool-exists", "pool '" + r.name() + "' already exists");
        }
        Instant now = Instant.now();
        return pools.save(new SharedPool(UUID.randomUUID(), r.name(), r.host(), r.port() == null ? 5432 : r.port(),
                database, isolation, r.maxTenants() == null ? 100 : r.maxTenants(), 0, SharedPool.ACTIVE, now, now));
    }

    @Transactional
    public SharedPool update(UUID id, UpdatePoolRequest r) {
        SharedPool pool = get(id);
        List<FieldError> errors = new ArrayList<>();
        if (r.name() != null) {
            PoolRules.name(errors, r.name());
        }
        if (r.host() != null) {
            PoolRules.host(errors, r.host());
        }
        if (r.port() != null) {
            PoolRules.port(errors, r.port());
        }
        if (r.database() != null) {
            PoolRules.database(errors, r.database());
        }
        if (r.isolation() != null) {
            PoolRules.isolation(errors, r.isolation());
        }
        if (r.maxTenants() != null) {
            PoolRules.maxTenants(errors, r.maxTenants());
        }
        if (r.status() != null) {
            PoolRules.status(errors, r.status());
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        if (r.name() != null && !r.name().equals(pool.name()) && pools.existsByName(r.name())) {
            throw new ConflictException("pool-exists", "pool '" + r.name() + "' already exists");
        }
        boolean placementChange = r.host() != null || r.port() != null || r.database() != null || r.isolation() != null;
        if (placementChange && pool.tenantCount() > 0) {
            throw new ConflictException("pool-in-use",
                    "host, port, database and isolation cannot change while the pool holds tenants");
        }
        if (placementChange) {
            placement.check(or(r.host(), pool.host()), or(r.port(), pool.port()), or(r.database(), pool.database()));
        }
        return pools.update(new SharedPool(pool.id(), or(r.name(), pool.name()), or(r.host(), pool.host()),
                or(r.port(), pool.port()), or(r.database(), pool.database()), or(r.isolation(), pool.isolation()),
                or(r.maxTenants(), pool.maxTenants()), pool.tenantCount(), or(r.status(), pool.status()),
                pool.createdAt(), Instant.now()));
    }

    static String defaultDatabase(String isolation) {
        return "schema".equals(isolation) ? "gateway_tenants" : "postgres";
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
