package dev.gateway.chaos.fuzz;

import dev.gateway.chaos.platform.Service;

import java.util.ArrayList;
import java.util.List;

import static dev.gateway.chaos.fuzz.FieldKind.BOOL;
import static dev.gateway.chaos.fuzz.FieldKind.CLIENT_ID;
import static dev.gateway.chaos.fuzz.FieldKind.DATE;
import static dev.gateway.chaos.fuzz.FieldKind.EMAIL;
import static dev.gateway.chaos.fuzz.FieldKind.FALSE_FLAG;
import static dev.gateway.chaos.fuzz.FieldKind.INT;
import static dev.gateway.chaos.fuzz.FieldKind.ISOLATION;
import static dev.gateway.chaos.fuzz.FieldKind.LONG_TEXT;
import static dev.gateway.chaos.fuzz.FieldKind.NEW_PLAN_KEY;
import static dev.gateway.chaos.fuzz.FieldKind.NEW_TENANT_KEY;
import static dev.gateway.chaos.fuzz.FieldKind.PASSWORD;
import static dev.gateway.chaos.fuzz.FieldKind.PLAN;
import static dev.gateway.chaos.fuzz.FieldKind.POOL_HOST;
import static dev.gateway.chaos.fuzz.FieldKind.POOL_STATUS;
import static dev.gateway.chaos.fuzz.FieldKind.PORT;
import static dev.gateway.chaos.fuzz.FieldKind.ROLE;
import static dev.gateway.chaos.fuzz.FieldKind.SIGNUP_POLICY;
import static dev.gateway.chaos.fuzz.FieldKind.TASK_STATUS;
import static dev.gateway.chaos.fuzz.FieldKind.TENANT_REF;
import static dev.gateway.chaos.fuzz.FieldKind.TEXT;
import static dev.gateway.chaos.fuzz.FieldKind.TEXT_LIST;
import static dev.gateway.chaos.fuzz.FieldKind.USERNAME;
import static dev.gateway.chaos.fuzz.FieldKind.UUID;

/**
 * Every route of every public port: DESIGN.md §7 (and the §10–11 routes it documents), as the controllers
 * declare them. admin-ui serves the registry's and provisioner's {@code /api/gateway/**} through its proxy,
 * plus its own API and the SPA.
 */
final class ApiCatalog {

    private static final Shape TENANT_CREATE = Shape.of("key", NEW_TENANT_KEY, "company_name", TEXT, "pool_id", UUID,
            "plan", PLAN, "admin_email", EMAIL, "admin_password", PASSWORD);
    private static final Shape TENANT_UPDATE = Shape.of("company_name", TEXT, "plan", PLAN, "rate_per_second", INT,
            "burst", INT, "max_users", INT, "max_projects", INT, "max_storage_mb", INT);
    private static final Shape POOL = Shape.of("name", TEXT, "host", POOL_HOST, "port", PORT, "database", TEXT,
            "isolation", ISOLATION, "max_tenants", INT, "status", POOL_STATUS);
    private static final Shape MIGRATION = Shape.of("tenant", TENANT_REF, "all", FALSE_FLAG, "parallel", INT,
            "skip_failing", BOOL, "canary", INT);
    private static final Shape TASK = Shape.of("title", TEXT, "status", TASK_STATUS, "assignee_id", UUID,
            "due_date", DATE);

    private ApiCatalog() {
    }

    static List<Endpoint> of(Service service) {
        List<Endpoint> endpoints = new ArrayList<>();
        switch (service) {
            case REGISTRY -> {
                registryApi(service, endpoints);
                add(endpoints, service, "GET", "/.well-known/jwks.json");
            }
            case PROVISIONER -> migrations(service, endpoints);
            case ROUTE_PUBLISHER -> add(endpoints, service, "GET", "/routes/status");
            case APP_GATEWAY -> tenantApi(service, endpoints);
            case USAGE_METER -> usageApi(service, endpoints);
            case ADMIN_UI -> {
                registryApi(service, endpoints);
                migrations(service, endpoints);
                usageApi(service, endpoints);
                add(endpoints, service, "GET", "/api/admin/settings");
                add(endpoints, service, "GET", "/");
                add(endpoints, service, "GET", "/tenants/{key}");
                add(endpoints, service, "GET", "/assets/index.js");
            }
        }
        add(endpoints, service, "GET", "/health");
        return List.copyOf(endpoints);
    }

    private static void registryApi(Service s, List<Endpoint> e) {
        add(e, s, "POST", "/api/gateway/auth/login", Shape.of("username", USERNAME, "password", PASSWORD));
        add(e, s, "POST", "/api/gateway/auth/service-token", Shape.of("client_id", CLIENT_ID, "client_secret", PASSWORD));
        add(e, s, "POST", "/api/gateway/tenants", TENANT_CREATE);
        paged(e, s, "/api/gateway/tenants");
        add(e, s, "GET", "/api/gateway/tenants/{key}");
        add(e, s, "GET", "/api/gateway/tenants/{key}/events");
        add(e, s, "PATCH", "/api/gateway/tenants/{key}", TENANT_UPDATE);
        add(e, s, "POST", "/api/gateway/tenants/{key}/suspend");
        add(e, s, "POST", "/api/gateway/tenants/{key}/activate");
        add(e, s, "POST", "/api/gateway/tenants/{key}/retry");
        add(e, s, "DELETE", "/api/gateway/tenants/{key}");
        add(e, s, "GET", "/api/gateway/events");
        add(e, s, "GET", "/api/gateway/pools");
        add(e, s, "POST", "/api/gateway/pools", POOL);
        add(e, s, "GET", "/api/gateway/pools/{id}");
        add(e, s, "PATCH", "/api/gateway/pools/{id}", POOL);
        add(e, s, "GET", "/api/gateway/plans");
        add(e, s, "POST", "/api/gateway/plans", Shape.of("key", NEW_PLAN_KEY, "rate_per_second", INT, "burst", INT,
                "max_users", INT, "max_projects", INT, "max_storage_mb", INT, "features", TEXT_LIST));
        paged(e, s, "/api/gateway/signups");
        add(e, s, "POST", "/api/gateway/signups/{id}/approve");
        add(e, s, "POST", "/api/gateway/signups/{id}/reject", Shape.of("reason", LONG_TEXT));
    }

    private static void usageApi(Service s, List<Endpoint> e) {
        paged(e, s, "/api/gateway/usage");
        paged(e, s, "/api/gateway/usage/top");
        paged(e, s, "/api/gateway/usage/sparklines");
        paged(e, s, "/api/gateway/tenants/{key}/activity");
    }

    private static void migrations(Service s, List<Endpoint> e) {
        add(e, s, "POST", "/api/gateway/migrations", MIGRATION);
        paged(e, s, "/api/gateway/migrations");
        add(e, s, "GET", "/api/gateway/migrations/{runId}");
        add(e, s, "POST", "/api/gateway/migrations/{runId}/resume");
        add(e, s, "GET", "/api/gateway/migrations/drift");
    }

    private static void tenantApi(Service s, List<Endpoint> e) {
        add(e, s, "POST", "/api/auth/token", Shape.of("email", EMAIL, "password", PASSWORD));
        add(e, s, "POST", "/api/auth/activate", Shape.of("token", TEXT, "password", PASSWORD));
        add(e, s, "GET", "/.well-known/jwks.json");
        add(e, s, "GET", "/api/me");
        add(e, s, "GET", "/api/usage");
        add(e, s, "GET", "/api/settings");
        add(e, s, "PUT", "/api/settings", Shape.of("signup_policy", SIGNUP_POLICY, "allowed_email_domains", TEXT_LIST));
        paged(e, s, "/api/users");
        add(e, s, "POST", "/api/users", Shape.of("email", EMAIL, "name", TEXT, "password", PASSWORD, "role", ROLE));
        add(e, s, "GET", "/api/users/{id}");
        add(e, s, "PATCH", "/api/users/{id}", Shape.of("name", TEXT, "password", PASSWORD, "role", ROLE,
                "current_password", PASSWORD));
        add(e, s, "DELETE", "/api/users/{id}");
        add(e, s, "POST", "/api/users/{id}/approve");
        add(e, s, "POST", "/api/users/invitations", Shape.of("email", EMAIL, "role", ROLE));
        add(e, s, "POST", "/api/signups", Shape.of("email", EMAIL, "name", TEXT, "password", PASSWORD));
        paged(e, s, "/api/projects");
        add(e, s, "POST", "/api/projects", Shape.of("name", TEXT, "description", LONG_TEXT));
        add(e, s, "GET", "/api/projects/{id}");
        add(e, s, "PATCH", "/api/projects/{id}", Shape.of("name", TEXT, "description", LONG_TEXT));
        add(e, s, "DELETE", "/api/projects/{id}");
        paged(e, s, "/api/projects/{projectId}/tasks");
        add(e, s, "POST", "/api/projects/{projectId}/tasks", TASK);
        add(e, s, "PATCH", "/api/tasks/{id}", TASK);
        add(e, s, "DELETE", "/api/tasks/{id}");
        add(e, s, "POST", "/api/platform/signups", Shape.of("company_name", TEXT, "key", NEW_TENANT_KEY,
                "admin_email", EMAIL, "plan", PLAN));
        add(e, s, "GET", "/api/platform/keys/{key}");
    }

    private static void add(List<Endpoint> e, Service s, String method, String template) {
        add(e, s, method, template, Shape.NONE);
    }

    private static void add(List<Endpoint> e, Service s, String method, String template, Shape body) {
        e.add(new Endpoint(s, method, template, body, false));
    }

    private static void paged(List<Endpoint> e, Service s, String template) {
        e.add(new Endpoint(s, "GET", template, Shape.NONE, true));
    }
}
