package dev.gateway.usage.query;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gateway.events.EventEnvelope;
import dev.gateway.events.EventType;
import dev.gateway.usage.support.Api;
import dev.gateway.usage.support.MeterFixture;
import dev.gateway.usage.support.TestEvents;
import dev.gateway.usage.support.Wait;
import io.micronaut.runtime.server.EmbeddedServer;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The usage API over a tenant with known usage: shapes, CSV, pagination, refusals, who may read. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UsageApiIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private EmbeddedServer meter;
    private Connection nats;
    private Api api;
    private String tenant;
    private Instant day;

    @BeforeAll
    void start() throws Exception {
        meter = MeterFixture.start(Map.of());
        nats = MeterFixture.nats().connect();
        api = new Api("http://127.0.0.1:" + meter.getPort());
        JetStream jetStream = nats.jetStream();
        tenant = MeterFixture.newKey();
        day = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(2));
        TestEvents.publish(jetStream, TestEvents.tenant(EventType.TENANT_CREATED, tenant, "pending", 1));
        TestEvents.publish(jetStream, TestEvents.tenant(EventType.TENANT_READY, tenant, "ready", 4));
        TestEvents.publish(jetStream, TestEvents.tenant(EventType.TENANT_PROVISIONING, tenant, "provisioning", 2));
        for (int h = 0; h < 3; h++) {
            Instant hour = day.plus(Duration.ofHours(h));
            TestEvents.publish(jetStream, TestEvents.requests(tenant, "gw", hour, 10L * (h + 1), h, 1, 7));
            TestEvents.publish(jetStream, TestEvents.storage(tenant, 1000L * (h + 1), hour.plusSeconds(60)));
        }
        for (int i = 1; i <= 5; i++) {
            EventType type = i % 2 == 0 ? EventType.ACTIVITY_PROJECT_CREATED : EventType.ACTIVITY_LOGIN_SUCCEEDED;
            EventEnvelope event = TestEvents.activity(type, tenant, i, day.plus(Duration.ofMinutes(i)), "=u" + i);
            TestEvents.publish(jetStream, event);
        }
        Wait.until("the tenant's events applied", WAIT, () -> {
            JsonNode page = api.get("/api/gateway/tenants/" + tenant + "/activity?limit=10", "admin").status() == 200
                    ? api.get("/api/gateway/tenants/" + tenant + "/activity?limit=10", "admin").json() : null;
            JsonNode usage = api.get("/api/gateway/usage?tenant=" + tenant + "&group_by=day&from=" + day, "admin").json();
            return page != null && page.get("items").size() == 5 && usage.has("points")
                    && usage.get("points").get(0).get("requests").asLong() == 60;
        });
    }

    @AfterAll
    void stop() throws Exception {
        nats.close();
        meter.close();
    }

    @Test
    void shouldAnswerOnePointPerBucketWithEmptyBucketsAndStorageCarriedForward() {
        JsonNode usage = api.get("/api/gateway/usage?tenant=" + tenant + "&from=" + day + "&to="
                + day.plus(Duration.ofHours(5)), "viewer").json();
        assertEquals("hour", usage.get("group_by").asText());
        assertEquals(tenant, usage.get("tenant").asText());
        List<Long> requests = values(usage.get("points"), "requests");
        assertEquals(List.of(10L, 20L, 30L, 0L, 0L), requests);
        assertEquals(List.of(0L, 1L, 2L, 0L, 0L), values(usage.get("points"), "errors"));
        assertEquals(List.of(1000L, 2000L, 3000L, 3000L, 3000L), values(usage.get("points"), "storage_bytes"));
        assertEquals(List.of(1L, 1L, 1L, 0L, 0L), values(usage.get("points"), "rate_limited"));

        JsonNode days = api.get("/api/gateway/usage?tenant=" + tenant + "&group_by=day&from=" + day
                + "&to=" + day.plus(Duration.ofDays(2)), "service").json();
        assertEquals(List.of(60L, 0L), values(days.get("points"), "requests"));
        assertEquals(List.of(3000L, 3000L), values(days.get("points"), "storage_bytes"));
        assertEquals(List.of(3L, 0L), values(days.get("points"), "logins"));
        assertEquals(List.of(2L, 0L), values(days.get("points"), "projects_created"));
    }

    @Test
    void shouldKeepTheNewestRevisionOfATenantWhateverTheOrderOfItsEvents() throws Exception {
        try (java.sql.Connection c = MeterFixture.connect(); java.sql.ResultSet row = c.createStatement().executeQuery(
                "SELECT status, revision, company_name FROM usage.tenant WHERE key = '" + tenant + "'")) {
            assertTrue(row.next());
            assertEquals("ready", row.getString(1));
            assertEquals(4, row.getLong(2));
            assertEquals("Company " + tenant, row.getString(3));
        }
    }

    @Test
    void shouldSumTheFleetWhenNoTenantIsNamed() {
        JsonNode fleet = api.get("/api/gateway/usage?group_by=day&from=" + day + "&to=" + day.plus(Duration.ofDays(1)),
                "admin").json();
        assertTrue(fleet.get("tenant").isNull());
        assertTrue(fleet.get("points").get(0).get("requests").asLong() >= 60, fleet.toString());
    }

    @Test
    void shouldExportUsageTopAndActivityAsCsv() {
        Api.Answer usage = api.get("/api/gateway/usage?tenant=" + tenant + "&from=" + day + "&to="
                + day.plus(Duration.ofHours(2)), "viewer", "text/csv");
        assertEquals(200, usage.status());
        assertTrue(usage.contentType().startsWith("text/csv"), usage.contentType());
        String[] lines = usage.body().split("\r\n");
        assertEquals("t,requests,errors,rate_limited,db_ms,active_users,logins,failed_logins,projects_created,"
                + "tasks_created,tasks_completed,storage_bytes", lines[0]);
        assertEquals(3, lines.length);
        assertEquals(day + ",10,0,1,7,5,3,0,2,0,0,1000", lines[1]);

        Api.Answer top = api.get("/api/gateway/usage/top?metric=requests&limit=100&from=" + day + "&to="
                + day.plus(Duration.ofDays(1)), "viewer", "text/csv");
        assertEquals("tenant,value,requests,errors,rate_limited,db_ms,storage_bytes", top.body().split("\r\n")[0]);
        assertTrue(top.body().contains("\r\n" + tenant + ",60,60,3,3,21,3000\r\n"), top.body());

        Api.Answer activity = api.get("/api/gateway/tenants/" + tenant + "/activity", "viewer", "text/csv");
        String[] rows = activity.body().split("\r\n");
        assertEquals("id,type,occurred_at,actor_id,actor_email,entity_id,summary", rows[0]);
        assertEquals(6, rows.length);
        assertTrue(rows[1].contains(",activity.login.succeeded,") && rows[1].contains(",'=u5,'=u5@example.com,"),
                "newest first, a formula defused: " + rows[1]);
    }

    @Test
    void shouldPageTheActivityNewestFirstAndFilterByType() {
        Set<String> seen = new HashSet<>();
        List<String> summaries = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = api.get("/api/gateway/tenants/" + tenant + "/activity?limit=2"
                    + (cursor == null ? "" : "&cursor=" + cursor), "viewer").json();
            page.get("items").forEach(item -> {
                seen.add(item.get("id").asText());
                summaries.add(item.get("summary").asText());
            });
            cursor = page.get("next_cursor").isNull() ? null : page.get("next_cursor").asText();
        } while (cursor != null);
        assertEquals(5, seen.size());
        assertEquals(IntStream.iterate(5, i -> i - 1).limit(5).mapToObj(i -> "#" + i).toList(),
                summaries.stream().map(s -> s.substring(s.indexOf('#'))).toList());

        JsonNode projects = api.get("/api/gateway/tenants/" + tenant + "/activity?type=activity.project.created", "admin").json();
        assertEquals(Set.of("activity.project.created"), stream(projects.get("items")).map(i -> i.get("type").asText())
                .collect(Collectors.toSet()));
        assertEquals(2, projects.get("items").size());
        assertNull(projects.get("next_cursor").textValue());
    }

    @Test
    void shouldDrawSparklinesWithEmptySeriesForUnknownTenants() {
        JsonNode sparklines = api.get("/api/gateway/usage/sparklines?metric=requests&tenants=" + tenant
                + ",nobody-here&from=" + day + "&to=" + day.plus(Duration.ofHours(4)), "viewer").json();
        assertEquals(List.of(10L, 20L, 30L, 0L), values(sparklines.get("series").get(tenant)));
        assertEquals(0, sparklines.get("series").get("nobody-here").size());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "/api/gateway/usage?from=2026-12-02&to=2026-12-01|from must be before to",
        "/api/gateway/usage?from=2025-01-01&to=2026-12-01|the range is longer than 400 days",
        "/api/gateway/usage?group_by=week|group_by must be hour or day",
        "/api/gateway/usage?from=yesterday|from must be an ISO-8601 instant or date",
        "/api/gateway/usage/top?metric=happiness|metric must be one of requests, errors, db_ms, storage_bytes, rate_limited, active_users",
        "/api/gateway/usage/top?limit=0|limit must be a whole number from 1 to 100",
        "/api/gateway/usage/top?limit=101|limit must be a whole number from 1 to 100",
        "/api/gateway/usage/sparklines?tenants=|tenants must list 1 to 100 tenant keys, comma-separated",
        "/api/gateway/usage/sparklines?tenants=Not_A_Key|not a tenant key: Not_A_Key",
    })
    void shouldRefuseBadQueriesWithAValidationProblem(String path, String detail) {
        Api.Answer answer = api.get(path, "viewer");
        assertEquals(400, answer.status(), answer.body());
        assertTrue(answer.contentType().startsWith("application/problem+json"), answer.contentType());
        assertEquals("https://gateway.dev/problems/validation", answer.json().get("type").asText());
        assertEquals(detail, answer.json().get("detail").asText());
    }

    @Test
    void shouldRefuseMoreThanAHundredSparklineTenantsAndAnUnknownActivityType() {
        String many = IntStream.range(0, 101).mapToObj(i -> "tenant" + i).collect(Collectors.joining(","));
        assertEquals(400, api.get("/api/gateway/usage/sparklines?tenants=" + many, "viewer").status());
        Api.Answer type = api.get("/api/gateway/tenants/" + tenant + "/activity?type=activity.nothing", "viewer");
        assertEquals(400, type.status());
        assertEquals(400, api.get("/api/gateway/tenants/" + tenant + "/activity?cursor=bm9wZQ", "viewer").status());
    }

    @Test
    void shouldAnswerNotFoundForATenantTheMeterNeverSaw() {
        for (String path : List.of("/api/gateway/usage?tenant=never-seen", "/api/gateway/tenants/never-seen/activity")) {
            Api.Answer answer = api.get(path, "viewer");
            assertEquals(404, answer.status(), path);
            assertEquals("https://gateway.dev/problems/tenant-not-found", answer.json().get("type").asText());
        }
    }

    @Test
    void shouldRefuseRequestsWithoutAnOperatorToken() {
        Api.Answer anonymous = api.get("/api/gateway/usage", null);
        assertEquals(401, anonymous.status());
        assertTrue(anonymous.contentType().startsWith("application/problem+json"), anonymous.contentType());
        assertEquals(403, api.get("/api/gateway/usage/top", "tenant-user").status());
        assertEquals(200, api.get("/health", null).status());
    }

    private static List<Long> values(JsonNode points, String field) {
        return stream(points).map(p -> p.get(field).asLong()).toList();
    }

    private static List<Long> values(JsonNode array) {
        return stream(array).map(JsonNode::asLong).toList();
    }

    private static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
        List<JsonNode> nodes = new ArrayList<>();
        array.forEach(nodes::add);
        return nodes.stream();
    }
}
