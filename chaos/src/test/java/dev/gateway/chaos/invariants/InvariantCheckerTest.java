package dev.gateway.chaos.invariants;

import dev.gateway.chaos.invariants.FleetState.OutboxEntry;
import dev.gateway.chaos.invariants.FleetState.RegistryTenant;
import dev.gateway.chaos.invariants.FleetState.Transition;
import dev.gateway.chaos.invariants.FleetState.TenantObjects;
import dev.gateway.chaos.stores.JetStreamView.StoredMessage;
import dev.gateway.chaos.workload.Expectations;
import org.junit.jupiter.api.Test;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InvariantCheckerTest {

    private final ConsistentFleet fleet = new ConsistentFleet()
            .tenant("kl-d-0000", "database", "ready")
            .tenant("kl-s-0001", "schema", "ready")
            .tenant("kl-d-0002", "database", "suspended")
            .tenant("kl-s-0003", "schema", "deleted");

    @Test
    void aConvergedFleetViolatesNothing() {
        assertEquals(List.of(), fleet.check());
    }

    @Test
    void aTenantShortOfItsFinalStateIsReported() {
        fleet.expected.put("kl-d-0000", Set.of(Expectations.DELETED));
        fleet.expected.put("kl-d-0099", Set.of(Expectations.READY));

        assertEquals(List.of(
                new Violation(Invariant.FINAL_STATE, "kl-d-0000", "ready, expected deleted"),
                new Violation(Invariant.FINAL_STATE, "kl-d-0099", "absent, expected ready")), fleet.check());
    }

    @Test
    void aCreateWhoseAnswerWasLostMayEndEitherWay() {
        fleet.expected.put("kl-d-0000", Set.of(Expectations.READY, Expectations.ABSENT));
        fleet.expected.put("kl-d-0098", Set.of(Expectations.READY, Expectations.ABSENT));

        assertEquals(List.of(), fleet.check());
    }

    @Test
    void aTenantNobodyCreatedIsReported() {
        fleet.expected.remove("kl-s-0001");

        assertEquals(List.of(new Violation(Invariant.FINAL_STATE, "kl-s-0001",
                "exists (ready) but no create for it was accepted")), fleet.check());
    }

    @Test
    void aTransitionRecordedTwiceForOneRevisionIsADuplicate() {
        fleet.history.add(new Transition("kl-d-0000", 3, "provisioning", "ready"));

        assertEquals(List.of(new Violation(Invariant.DUPLICATES, "kl-d-0000",
                "revision 3 recorded 2 times: provisioning→ready, provisioning→ready")), fleet.check());
    }

    @Test
    void anEffectAppliedTwiceIsReported() {
        fleet.repeated.add(new FleetState.RepeatedEffect("kl-d-0000", "registry applied provisioning.succeeded", 1, 2));

        assertEquals(List.of(new Violation(Invariant.DOUBLE_EFFECT, "kl-d-0000",
                "registry applied provisioning.succeeded for revision 1 2 times")), fleet.check());
    }

    @Test
    void objectsOfDeletedOrUnknownTenantsAreOrphans() {
        fleet.schemas.add("tenant_kl_s_0003");
        fleet.roles.add("tenant_kl_s_0003");
        fleet.databases.add("tenant_kl_d_0077");

        assertEquals(List.of(
                new Violation(Invariant.ORPHANS, "tenant_kl_d_0077", "database without a live tenant"),
                new Violation(Invariant.ORPHANS, "tenant_kl_s_0003", "schema in the shared database without a live tenant"),
                new Violation(Invariant.ORPHANS, "tenant_kl_s_0003", "role without a live tenant")), fleet.check());
    }

    @Test
    void aDatabaseForASchemaTenantIsAnOrphan() {
        fleet.databases.add("tenant_kl_s_0001");

        assertEquals(List.of(new Violation(Invariant.ORPHANS, "tenant_kl_s_0001", "database without a live tenant")),
                fleet.check());
    }

    @Test
    void aLiveTenantMissingItsRoleTablesOrAdminIsReported() {
        fleet.roles.remove("tenant_kl_d_0000");
        fleet.objects.put("kl-s-0001", new TenantObjects(Set.of("users", "settings", "flyway_schema_history"), false));

        assertEquals(List.of(
                new Violation(Invariant.MISSING_OBJECTS, "kl-d-0000", "ready but missing role tenant_kl_d_0000"),
                new Violation(Invariant.MISSING_OBJECTS, "kl-s-0001", "ready but missing table projects, table tasks, "
                        + "first admin admin@kl-s-0001.example")), fleet.check());
    }

    @Test
    void routesMustMatchReadinessExactly() {
        fleet.routes.remove("traefik/http/routers/tenant-kl-d-0000/service");
        fleet.routes.put("traefik/http/routers/tenant-kl-s-0001/rule", "Host(`evil.localhost`)");
        fleet.routes.putAll(RedisChecks.expectedRouteKeys("kl-d-0002"));
        fleet.routes.putAll(RedisChecks.expectedRouteKeys("kl-d-0055"));

        List<Violation> violations = fleet.check();

        assertEquals(List.of(
                new Violation(Invariant.ROUTES, "kl-d-0000", "ready, but routes differ: missing routers/tenant-kl-d-0000/service"),
                new Violation(Invariant.ROUTES, "kl-d-0002", "suspended but still routed (5 keys)"),
                new Violation(Invariant.ROUTES, "kl-d-0055", "routed but unknown to the registry"),
                new Violation(Invariant.ROUTES, "kl-s-0001", "ready, but routes differ: routers/tenant-kl-s-0001/rule = "
                        + "Host(`evil.localhost`) (want Host(`kl-s-0001.localhost`))")),
                violations.stream().sorted(Comparator.comparing(Violation::tenant)).toList());
    }

    @Test
    void theSharedRoutesMustExistOnceATenantIsRouted() {
        fleet.shared.put(RedisChecks.CATCH_ALL_RULE, null);

        assertEquals(List.of(new Violation(Invariant.ROUTES, "-", "shared key missing: " + RedisChecks.CATCH_ALL_RULE)),
                fleet.check());
    }

    @Test
    void theDirectoryMustCarryTheRegistryStatusAndRevision() {
        fleet.directory.get("kl-d-0000").put("revision", "2");
        fleet.directory.remove("kl-d-0002");
        fleet.directory.put("kl-d-0066", Map.of("status", "ready", "revision", "3"));

        assertEquals(List.of(
                new Violation(Invariant.DIRECTORY, "kl-d-0000", "registry ready rev 3, directory ready rev 2"),
                new Violation(Invariant.DIRECTORY, "kl-d-0002", "suspended but no directory entry"),
                new Violation(Invariant.DIRECTORY, "kl-d-0066", "directory entry for a key the registry does not know")),
                fleet.check().stream().sorted(Comparator.comparing(Violation::tenant)).toList());
    }

    @Test
    void aDeletedTenantMayKeepItsDeletedEntryButNoOther() {
        fleet.directory.put("kl-s-0003", Map.of("status", "deleted", "revision", "5"));
        assertEquals(List.of(), fleet.check());

        fleet.directory.put("kl-s-0003", Map.of("status", "ready", "revision", "3"));
        assertEquals(List.of(new Violation(Invariant.DIRECTORY, "kl-s-0003", "registry deleted rev 5, directory ready rev 3")),
                fleet.check());
    }

    @Test
    void theEventPipelineMustBeDrainedCleanAndDeclared() {
        fleet.unpublished.add(new OutboxEntry("registry", "kl-d-0000", "tenant.ready", 3, 7, "no responders"));
        fleet.deadLetters.add(new StoredMessage(4, "deadletter.provisioner-tenants", "gave up after 5 deliveries",
                "{\"id\":\"x\",\"tenant\":\"kl-s-0001\"}"));
        fleet.streams.remove("TENANTS");

        assertEquals(List.of(
                new Violation(Invariant.OUTBOX, "kl-d-0000", "registry tenant.ready rev 3 unpublished after 7 attempts: no responders"),
                new Violation(Invariant.DEAD_LETTERS, "kl-s-0001", "deadletter.provisioner-tenants #4: gave up after 5 deliveries"),
                new Violation(Invariant.STREAMS, "-", "stream TENANTS does not exist")), fleet.check());
    }

    @Test
    void twoRegistryRowsForOneKeyAreDuplicates() {
        RegistryTenant first = fleet.tenants.get(0);
        fleet.tenants.add(first);

        assertTrue(fleet.check().contains(new Violation(Invariant.DUPLICATES, first.key(), "2 tenants with this key")));
    }

    @Test
    void theTenantOfARouteKeyIsReadFromRouterAndMiddlewareNames() {
        assertEquals("foo-id", RedisChecks.tenantOf("traefik/http/middlewares/tenant-foo-id-id/headers/x"));
        assertEquals("foo-id", RedisChecks.tenantOf("traefik/http/routers/tenant-foo-id/rule"));
    }
}
