package dev.gateway.app.outbox;

import dev.gateway.app.db.TenantTransactions;
import dev.gateway.app.directory.TenantDirectoryService;
import dev.gateway.app.directory.TenantEntry;
import dev.gateway.app.http.ProblemException;
import dev.gateway.app.support.GatewayIntegrationTest;
import dev.gateway.app.support.ProvisionedTenant;
import dev.gateway.app.support.StreamMessages;
import dev.gateway.app.support.TenantFixture;
import dev.gateway.events.ActivityRecord;
import dev.gateway.events.EventType;
import dev.gateway.events.Stream;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.gateway.app.support.Api.bearer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Every committed change of tenant data is one activity event on stream ACTIVITY, relayed right after commit, in
 * the order of the tenant's activity sequence (its revision); a refused or rolled-back change has none, and the
 * outbox is empty once the broker has them.
 */
@MicronautTest
class ActivityIT extends GatewayIntegrationTest {

    @Inject
    TenantTransactions tx;

    @Inject
    TenantDirectoryService directory;

    @Test
    void shouldRelayOneActivityPerCommittedChangeInSequence() throws Exception {
        ProvisionedTenant tenant = TenantFixture.schemaTenant(Map.of());
        String admin = api().login(tenant);
        String project = (String) api().post("/api/projects", "{\"name\":\"Apollo\"}", bearer(admin)).json().get("id");
        assertEquals(200, api().send("PATCH", "/api/projects/" + project, "{\"name\":\"Apollo 11\"}", bearer(admin))
                .status());
        assertEquals(404, api().send("PATCH", "/api/projects/" + UUID.randomUUID(), "{\"name\":\"x\"}", bearer(admin))
                .status(), "refused: nothing recorded");
        String task = (String) api().post("/api/projects/" + project + "/tasks", "{\"title\":\"Launch\"}",
                bearer(admin)).json().get("id");
        assertEquals(200, api().send("PATCH", "/api/tasks/" + task, "{\"status\":\"doing\"}", bearer(admin)).status());
        assertEquals(200, api().send("PATCH", "/api/tasks/" + task, "{\"status\":\"done\"}", bearer(admin)).status());
        assertEquals(204, api().send("DELETE", "/api/tasks/" + task, "", bearer(admin)).status());
        assertEquals(204, api().send("DELETE", "/api/projects/" + project, "", bearer(admin)).status());
        assertEquals(200, api().send("PUT", "/api/settings", "{\"theme\":\"dark\"}", bearer(admin)).status());
        assertEquals(401, api().post("/api/auth/token", "{\"email\":\"" + tenant.adminEmail()
                + "\",\"password\":\"wrong-password\"}", "X-Tenant-ID", tenant.key()).status());

        List<String> expected = List.of("activity.user.joined", "activity.project.created",
                "activity.project.updated", "activity.task.created", "activity.task.updated",
                "activity.task.completed", "activity.task.deleted", "activity.project.deleted",
                "activity.settings.updated", "activity.login.failed");
        timeUntil("every change relayed", Duration.ofSeconds(10),
                () -> StreamMessages.of(Stream.ACTIVITY, tenant.key()).size() >= expected.size());
        List<StreamMessages.Stored> stored = StreamMessages.of(Stream.ACTIVITY, tenant.key());
        assertEquals(expected, stored.stream().map(s -> s.event().type()).toList());
        for (int i = 0; i < stored.size(); i++) {
            StreamMessages.Stored one = stored.get(i);
            assertEquals(one.event().id(), one.messageId(), "Nats-Msg-Id = event id");
            if (i > 0) {
                assertEquals(stored.get(i - 1).event().revision() + 1, one.event().revision(), "the tenant's sequence");
            }
        }
        ActivityRecord created = stored.get(1).event().dataAs(ActivityRecord.class);
        assertEquals(tenant.adminId().toString(), created.actorId());
        assertEquals(tenant.adminEmail(), created.actorEmail());
        assertEquals(project, created.entityId());
        assertEquals("Apollo", created.summary());
        ActivityRecord failed = stored.get(9).event().dataAs(ActivityRecord.class);
        assertNull(failed.actorId());
        assertEquals(tenant.adminEmail(), failed.actorEmail());
        eventually("outbox emptied", () -> outboxRows(tenant) == 0);
    }

    @Test
    void shouldRecordNothingForARolledBackChange() throws Exception {
        ProvisionedTenant tenant = TenantFixture.databaseTenant(Map.of());
        TenantEntry entry = directory.find(tenant.key()).get().orElseThrow();
        assertThrows(ProblemException.class, () -> tx.changing(entry, "it", (c, events) -> {
            events.activity(EventType.ACTIVITY_PROJECT_CREATED, null, "someone@example.test", UUID.randomUUID(), "x");
            throw ProblemException.conflict("changed my mind");
        }));
        tx.changing(entry, "it", (c, events) -> {
            events.activity(EventType.ACTIVITY_SETTINGS_UPDATED, null, "someone@example.test", null, "committed");
            return null;
        });

        timeUntil("the committed change relayed", Duration.ofSeconds(10),
                () -> !StreamMessages.of(Stream.ACTIVITY, tenant.key()).isEmpty());
        List<StreamMessages.Stored> stored = StreamMessages.of(Stream.ACTIVITY, tenant.key());
        assertEquals(List.of("activity.settings.updated"), stored.stream().map(s -> s.event().type()).toList());
        eventually("outbox emptied", () -> outboxRows(tenant) == 0);
    }

    @Test
    void shouldRefuseChangesOfATenantWithoutAnOutboxUntilItIsMigrated() throws Exception {
        ProvisionedTenant tenant = TenantFixture.schemaTenant(Map.of());
        String admin = api().login(tenant);
        try (Connection c = TenantFixture.connectAsTenant(tenant); Statement s = c.createStatement()) {
            s.execute("DROP TABLE outbox");
        }

        var refused = api().post("/api/projects", "{\"name\":\"Apollo\"}", bearer(admin));

        assertEquals(503, refused.status(), refused.body());
        assertEquals("service-unavailable", refused.problem());
        assertEquals(200, api().get("/api/projects", bearer(admin)).status(), "reads are served");
        assertEquals(List.of(), api().get("/api/projects", bearer(admin)).items(), "nothing half-done");
    }

    private static long outboxRows(ProvisionedTenant tenant) {
        try (Connection c = TenantFixture.connectAsTenant(tenant); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM outbox")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
