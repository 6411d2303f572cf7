package dev.gateway.app.api;

import dev.gateway.app.support.Api.Reply;
import dev.gateway.app.support.GatewayIntegrationTest;
import dev.gateway.app.support.ProvisionedTenant;
import dev.gateway.app.support.TenantFixture;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.gateway.app.support.Api.bearer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The tenant API of DESIGN §7 end to end: profile, settings, users (with the plan limit), projects, tasks. */
@MicronautTest
class TenantApiIT extends GatewayIntegrationTest {

    private ProvisionedTenant tenant;
    private String admin;

    @BeforeAll
    void tenant() {
        tenant = TenantFixture.schemaTenant(Map.of("plan", "enterprise", "features", "projects,tasks,sso",
                "max_users", "3"));
        admin = api().login(tenant);
    }

    @Test
    void shouldDescribeTheTenantFromTheDirectory() {
        Map<String, Object> me = api().get("/api/me", bearer(admin)).json();
        assertEquals(tenant.key(), me.get("key"));
        assertEquals("Company " + tenant.key(), me.get("company_name"));
        assertEquals("enterprise", me.get("plan"));
        assertEquals("ready", me.get("status"));
        assertEquals(List.of("projects", "tasks", "sso"), me.get("features"));
        assertEquals(Map.of("rate_per_second", 1000, "burst", 2000, "max_users", 3), me.get("limits"));
    }

    @Test
    void shouldStopCreatingUsersAtThePlanLimit() {
        assertEquals(201, createUser(admin, "one").status());
        assertEquals(201, createUser(admin, "two").status());
        Reply third = createUser(admin, "three");
        assertEquals(403, third.status());
        assertEquals("user-limit-reached", third.problem());
        assertEquals(3, api().get("/api/users", bearer(admin)).items().size());
    }

    @Test
    void shouldNotOvershootTheUserLimitUnderConcurrentCreates() throws Exception {
        ProvisionedTenant busy = TenantFixture.schemaTenant(Map.of("max_users", "5"));
        String token = api().login(busy);
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            List<Callable<Integer>> creates = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                String name = "c" + i;
                creates.add(() -> waitingOutTenantBusy(() -> createUser(token, name)).status());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(creates)) {
                statuses.add(f.get());
            }
            assertEquals(4, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
            assertEquals(8, statuses.stream().filter(s -> s == 403).count(), statuses.toString());
        } finally {
            pool.shutdownNow();
        }
        try (Connection c = TenantFixture.connectAsTenant(busy); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM users")) {
            rs.next();
            assertEquals(5, rs.getInt(1));
        }
    }

    @Test
    void shouldManageUsers() {
        ProvisionedTenant other = TenantFixture.schemaTenant(Map.of());
        String token = api().login(other);
        Reply created = createUser(token, "managed");
        assertEquals(201, created.status(), created.body());
        String path = "/api/users/" + created.json().get("id");
        assertTrue(created.body().contains("\"role\":\"member\"") && !created.body().contains("password"));
        assertEquals("managed@" + "example.test", api().get(path, bearer(token)).json().get("email"));
        assertEquals("admin", api().send("PATCH", path, "{\"role\":\"admin\"}", bearer(token)).json().get("role"));
        Reply duplicate = createUser(token, "managed");
        assertEquals(409, duplicate.status());
        assertEquals("conflict", duplicate.problem());
        assertEquals(204, api().send("DELETE", path, null, bearer(token)).status());
        assertEquals("not-found", api().get(path, bearer(token)).problem());
        assertEquals(401, api().post("/api/auth/token",
                "{\"email\":\"managed@example.test\",\"password\":\"secret-pass\"}", "X-Tenant-ID", other.key())
                .status());
    }

    @Test
    void shouldPageProjectsWithCursor() {
        ProvisionedTenant paged = TenantFixture.schemaTenant(Map.of());
        String token = api().login(paged);
        for (int i = 1; i <= 5; i++) {
            assertEquals(201, api().post("/api/projects", "{\"name\":\"p" + i + "\"}", bearer(token)).status());
        }
        List<Object> names = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Reply page = api().get("/api/projects?limit=2" + (cursor == null ? "" : "&cursor=" + cursor),
                    bearer(token));
            assertEquals(200, page.status(), page.body());
            page.items().forEach(p -> names.add(p.get("name")));
            cursor = (String) page.json().get("next_cursor");
            pages++;
        } while (cursor != null);
        assertEquals(List.of("p1", "p2", "p3", "p4", "p5"), names);
        assertEquals(3, pages);
        assertTrue(api().get("/api/projects?limit=5", bearer(token)).json().containsKey("next_cursor"));
        assertNull(api().get("/api/projects?limit=5", bearer(token)).json().get("next_cursor"));
    }

    @Test
    void shouldManageProjectsAndTasks() {
        Reply project = api().post("/api/projects", "{\"name\":\"Launch\",\"description\":\"Q4\"}", bearer(admin));
        assertEquals(201, project.status(), project.body());
        String id = (String) project.json().get("id");
        assertEquals(tenant.adminId().toString(), project.json().get("created_by"));
        Reply task = api().post("/api/projects/" + id + "/tasks",
                "{\"title\":\"Write copy\",\"assignee_id\":\"" + tenant.adminId() + "\",\"due_date\":\"2026-12-01\"}",
                bearer(admin));
        assertEquals(201, task.status(), task.body());
        assertEquals("todo", task.json().get("status"));
        String taskPath = "/api/tasks/" + task.json().get("id");
        Reply done = api().send("PATCH", taskPath, "{\"status\":\"done\"}", bearer(admin));
        assertEquals("done", done.json().get("status"));
        assertEquals("2026-12-01", done.json().get("due_date"));
        assertEquals(1, api().get("/api/projects/" + id + "/tasks", bearer(admin)).items().size());
        Reply renamed = api().send("PATCH", "/api/projects/" + id, "{\"name\":\"Launch v2\"}", bearer(admin));
        assertEquals("Launch v2", renamed.json().get("name"));
        assertEquals("Q4", renamed.json().get("description"));
        assertEquals(204, api().send("DELETE", taskPath, null, bearer(admin)).status());
        assertEquals(404, api().send("DELETE", taskPath, null, bearer(admin)).status());
        assertEquals(204, api().send("DELETE", "/api/projects/" + id, null, bearer(admin)).status());
        assertEquals("not-found", api().get("/api/projects/" + id + "/tasks", bearer(admin)).problem());
    }

    @Test
    void shouldWriteTimestampsAsUtcInstants() throws Exception {
        Reply created = api().post("/api/projects", "{\"name\":\"Dated\"}", bearer(admin));
        assertEquals(201, created.status(), created.body());
        String id = (String) created.json().get("id");
        try (Connection c = TenantFixture.connectAsTenant(tenant); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE projects SET created_at = '2026-01-02 05:04:05.1+02', "
                    + "updated_at = '2026-01-02 03:04:05+00' WHERE id = '" + id + "'");
        }
        Map<String, Object> project = api().get("/api/projects/" + id, bearer(admin)).json();
        assertEquals("2026-01-02T03:04:05.100Z", project.get("created_at"));
        assertEquals("2026-01-02T03:04:05Z", project.get("updated_at"));
    }

    @Test
    void shouldMergeSettings() {
        assertEquals(200, api().get("/api/settings", bearer(admin)).status());
        Reply put = api().send("PUT", "/api/settings",
                "{\"theme\":\"dark\",\"limits\":{\"upload_mb\":5},\"tags\":[\"a\",\"b\"]}", bearer(admin));
        assertEquals(200, put.status(), put.body());
        assertEquals("dark", put.json().get("theme"));
        assertEquals(Map.of("upload_mb", 5), put.json().get("limits"));
        Reply removed = api().send("PUT", "/api/settings", "{\"theme\":null}", bearer(admin));
        assertNull(removed.json().get("theme"));
        assertNotNull(api().get("/api/settings", bearer(admin)).json().get("tags"));
    }

    @Test
    void shouldAnswerEveryBadInputWithProblemJson() {
        String project = (String) api().post("/api/projects", "{\"name\":\"Bad inputs\"}", bearer(admin)).json()
                .get("id");
        String tasks = "/api/projects/" + project + "/tasks";
        Map<String, Reply> bad = new java.util.LinkedHashMap<>();
        bad.put("broken json", api().post("/api/projects", "{\"name\":", bearer(admin)));
        bad.put("wrong type", api().post("/api/projects", "{\"name\":{\"x\":1}}", bearer(admin)));
        bad.put("blank name", api().post("/api/projects", "{\"name\":\"  \"}", bearer(admin)));
        bad.put("too long", api().post("/api/projects", "{\"name\":\"" + "n".repeat(201) + "\"}", bearer(admin)));
        bad.put("no body", api().post("/api/projects", null, bearer(admin)));
        bad.put("bad status", api().post(tasks, "{\"title\":\"t\",\"status\":\"later\"}", bearer(admin)));
        bad.put("bad date", api().post(tasks, "{\"title\":\"t\",\"due_date\":\"tomorrow\"}", bearer(admin)));
        bad.put("bad uuid", api().post(tasks, "{\"title\":\"t\",\"assignee_id\":\"nope\"}", bearer(admin)));
        bad.put("unknown assignee", api().post(tasks, "{\"title\":\"t\",\"assignee_id\":\""
                + java.util.UUID.randomUUID() + "\"}", bearer(admin)));
        bad.put("bad email", api().post("/api/users", "{\"email\":\"nope\",\"password\":\"longenough\","
                + "\"role\":\"member\"}", bearer(admin)));
        bad.put("bad role", api().post("/api/users", "{\"email\":\"r@x.test\",\"password\":\"longenough\","
                + "\"role\":\"owner\"}", bearer(admin)));
        bad.put("short password", api().post("/api/users", "{\"email\":\"r@x.test\",\"password\":\"short\","
                + "\"role\":\"member\"}", bearer(admin)));
        bad.put("limit 0", api().get("/api/projects?limit=0", bearer(admin)));
        bad.put("limit huge", api().get("/api/projects?limit=1000", bearer(admin)));
        bad.put("limit text", api().get("/api/projects?limit=abc", bearer(admin)));
        bad.put("bad cursor", api().get("/api/projects?cursor=%21%21", bearer(admin)));
        bad.put("forged cursor", api().get("/api/projects?cursor=bm90LWEtY3Vyc29y", bearer(admin)));
        bad.put("bad path id", api().get("/api/projects/not-a-uuid", bearer(admin)));
        bad.put("settings array", api().send("PUT", "/api/settings", "[1,2]", bearer(admin)));
        for (Map.Entry<String, Reply> entry : bad.entrySet()) {
            assertEquals(400, entry.getValue().status(), entry.getKey() + ": " + entry.getValue().body());
            assertEquals("validation", entry.getValue().problem(), entry.getKey());
        }
        Reply oversize = api().post("/api/projects", "{\"name\":\"" + "x".repeat(1_100_000) + "\"}", bearer(admin));
        assertEquals(413, oversize.status());
        assertEquals("payload-too-large", oversize.problem());
        Reply unknownRoute = api().get("/api/nothing-here", bearer(admin));
        assertEquals(404, unknownRoute.status());
        assertEquals("not-found", unknownRoute.problem());
        Reply wrongMethod = api().send("PUT", "/api/projects", "{}", bearer(admin));
        assertEquals(405, wrongMethod.status());
        assertEquals("method-not-allowed", wrongMethod.problem());
        Reply text = api().send("POST", "/api/projects", "name", bearer(admin, "Content-Type", "text/plain"));
        assertEquals(415, text.status(), text.body());
        assertEquals("unsupported-media-type", text.problem());
    }

    @Test
    void shouldExposeHealthPerTenantMetricsAndOpenApi() {
        api().get("/api/me", bearer(admin));
        Reply health = management().get("/health");
        assertEquals(200, health.status(), health.body());
        assertTrue(health.body().contains("\"redis\"") && health.body().contains("\"pools\""), health.body());
        String metrics = management().get("/prometheus").body();
        assertTrue(metrics.contains("gateway_requests_seconds_count{status=\"200\",tenant=\"" + tenant.key() + "\"}"),
                "per-tenant request series missing");
        assertTrue(metrics.contains("gateway_db_time_seconds_count{tenant=\"" + tenant.key() + "\"}"));
        assertTrue(metrics.contains("gateway_requests_seconds_bucket{status=\"200\",tenant=\"" + tenant.key()));
        Reply openApi = api().get("/swagger/app-gateway-0.1.yml");
        assertEquals(200, openApi.status());
        assertTrue(openApi.body().contains("/api/projects/{id}") && openApi.body().contains("/api/auth/token"));
    }

    private Reply createUser(String token, String name) {
        return api().post("/api/users", "{\"email\":\"" + name + "@example.test\",\"name\":\"" + name
                + "\",\"password\":\"secret-pass\",\"role\":\"member\"}", bearer(token));
    }
}
