package dev.gateway.provisioner.usage;

import dev.gateway.events.EventEnvelope;
import dev.gateway.events.EventType;
import dev.gateway.events.StorageUsage;
import dev.gateway.provisioner.pool.AdminPools;
import dev.gateway.provisioner.pool.Isolation;
import dev.gateway.provisioner.pool.PoolAddress;
import dev.gateway.provisioner.tenant.Placement;
import dev.gateway.provisioner.tenant.PlacementService;
import dev.gateway.runtime.publish.EventPublisher;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * Measures what every ready tenant's data takes on its pool server and publishes it as {@code usage.storage}: one
 * query per shared database (schema tenants: their tables, indexes and TOAST) and one per server (database tenants:
 * their databases), never one per tenant. The event id is derived from tenant and measuring time, so a re-publish
 * after a failed acknowledgement is dropped by JetStream.
 */
@Singleton
public class StorageMeter {

    private static final Logger LOG = LoggerFactory.getLogger(StorageMeter.class);
    private static final String SCHEMA_SIZES = "SELECT n.nspname, coalesce(sum(pg_total_relation_size(c.oid)), 0) "
            + "FROM pg_namespace n LEFT JOIN pg_class c ON c.relnamespace = n.oid AND c.relkind IN ('r', 'm') "
            + "WHERE n.nspname = ANY (?) GROUP BY n.nspname";
    private static final String DATABASE_SIZES = "SELECT datname, pg_database_size(datname) FROM pg_database "
            + "WHERE datname = ANY (?)";

    private final PlacementService placements;
    private final AdminPools pools;
    private final EventPublisher publisher;

    public StorageMeter(PlacementService placements, AdminPools pools, EventPublisher publisher) {
        this.placements = placements;
        this.pools = pools;
        this.publisher = publisher;
    }

    @Scheduled(fixedDelay = "${gateway.usage.storage-every:300s}", initialDelay = "${gateway.usage.storage-first:30s}")
    void measureAndPublish() {
        Instant measuredAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Map<String, Long> sizes = measure();
        CompletableFuture<?>[] published = sizes.entrySet().stream()
                .map(size -> publisher.publish(event(size.getKey(), size.getValue(), measuredAt)))
                .toArray(CompletableFuture[]::new);
        CompletableFuture.allOf(published).whenComplete((ok, failure) -> {
            if (failure != null) {
                LOG.warn("storage usage of {} tenants not published: {}", sizes.size(), failure.getMessage());
            }
        });
    }

    /** Bytes by tenant key for every ready tenant on a reachable server; an unreachable one is skipped this round. */
    Map<String, Long> measure() {
        Map<String, Long> bytesByTenant = new HashMap<>();
        Map<Location, List<Placement>> byLocation = placements.ready().stream()
                .collect(Collectors.groupingBy(Location::of));
        byLocation.forEach((location, tenants) -> {
            Map<String, String> keyByObject = tenants.stream().collect(Collectors.toMap(
                    p -> location.schemas() ? p.location().schema() : p.location().database(), Placement::tenantKey));
            try (Connection c = location.schemas()
                    ? pools.connect(location.pool(), location.database())
                    : pools.connectMaintenance(location.pool())) {
                sizes(c, location.schemas() ? SCHEMA_SIZES : DATABASE_SIZES, keyByObject.keySet())
                        .forEach((object, bytes) -> bytesByTenant.put(keyByObject.get(object), bytes));
            } catch (SQLException e) {
                LOG.warn("storage of {} tenants on {} not measured: {}", tenants.size(), location.pool().key(),
                        e.getMessage());
            }
        });
        return bytesByTenant;
    }

    private static Map<String, Long> sizes(Connection c, String sql, Collection<String> objects) throws SQLException {
        Map<String, Long> sizes = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Array array = c.createArrayOf("text", objects.toArray());
            ps.setArray(1, array);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sizes.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return sizes;
    }

    static EventEnvelope event(String tenant, long bytes, Instant measuredAt) {
        String id = UUID.nameUUIDFromBytes(("usage.storage|" + tenant + "|" + measuredAt)
                .getBytes(StandardCharsets.UTF_8)).toString();
        return EventEnvelope.of(EventType.USAGE_STORAGE, tenant, 0, null, new StorageUsage(bytes, measuredAt)).withId(id);
    }

    /** Where sizes are read in one query: a schema tenant's shared database, or a server's database tenants. */
    private record Location(PoolAddress pool, boolean schemas, String database) {

        static Location of(Placement p) {
            boolean schemas = p.location().isolation() == Isolation.SCHEMA;
            return new Location(p.location().pool(), schemas, schemas ? p.location().database() : null);
        }
    }
}
