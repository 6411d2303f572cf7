package dev.gateway.app.settings;

import dev.gateway.app.support.Api.Reply;
import dev.gateway.app.support.GatewayIntegrationTest;
import dev.gateway.app.support.ProvisionedTenant;
import dev.gateway.app.support.TenantFixture;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.gateway.app.support.Api.bearer;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The settings the platform reads: their defaults, how they are stored, and every shape they refuse. */
@MicronautTest
class OnboardingSettingsIT extends GatewayIntegrationTest {

    private ProvisionedTenant tenant;
    private String admin;

    @BeforeAll
    void tenant() {
        tenant = TenantFixture.schemaTenant(Map.of());
        admin = api().login(tenant);
    }

    @Test
    void shouldStartFromTheDefaultsAndStoreNormalizedValues() {
        ProvisionedTenant fresh = TenantFixture.schemaTenant(Map.of());
        assertEquals(Map.of("signup_policy", "approval", "allowed_email_domains", List.of(), "company_profile", Map.of()),
                api().get("/api/settings", bearer(api().login(fresh))).json());

        Reply put = api().send("PUT", "/api/settings", "{\"signup_policy\":\"open\","
                + "\"allowed_email_domains\":[\" Acme.COM \",\"acme.com\",\"eu.acme.com\"],"
                + "\"company_profile\":{\"display_name\":\" Acme \",\"website\":\"https://acme.example\","
                + "\"description\":null},\"theme\":\"dark\"}", bearer(admin));

        assertEquals(200, put.status(), put.body());
        Map<String, Object> settings = api().get("/api/settings", bearer(admin)).json();
        assertEquals("open", settings.get("signup_policy"));
        assertEquals(List.of("acme.com", "eu.acme.com"), settings.get("allowed_email_domains"));
        assertEquals(Map.of("display_name", "Acme", "website", "https://acme.example"), settings.get("company_profile"));
        assertEquals("dark", settings.get("theme"), "other keys stay free-form");
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldRefuseShapesThePlatformCannotRead() {
        Map<String, Object> before = api().get("/api/settings", bearer(admin)).json();
        Map<String, String> refused = Map.of(
                "{\"signup_policy\":\"members-only\"}", "signup_policy",
                "{\"signup_policy\":null}", "signup_policy",
                "{\"signup_policy\":3}", "signup_policy",
                "{\"allowed_email_domains\":\"acme.com\"}", "allowed_email_domains",
                "{\"allowed_email_domains\":[\"not a domain\"]}", "allowed_email_domains",
                "{\"allowed_email_domains\":[\"@acme.com\"]}", "allowed_email_domains",
                "{\"company_profile\":[]}", "company_profile",
                "{\"company_profile\":{\"owner\":\"x\"}}", "company_profile.owner",
                "{\"company_profile\":{\"website\":\"javascript:alert(1)\"}}", "company_profile.website",
                "{\"company_profile\":{\"display_name\":\"" + "x".repeat(201) + "\"}}", "company_profile.display_name");
        for (Map.Entry<String, String> body : refused.entrySet()) {
            Reply reply = api().send("PUT", "/api/settings", body.getKey(), bearer(admin));
            assertEquals(400, reply.status(), body.getKey() + ": " + reply.body());
            assertEquals("validation", reply.problem());
            assertEquals(body.getValue(), ((List<Map<String, Object>>) reply.json().get("errors")).get(0).get("field"),
                    body.getKey());
        }
        assertEquals(before, api().get("/api/settings", bearer(admin)).json(), "nothing of a refused request is stored");
    }

    @Test
    void shouldLetMembersReadTheSettings() {
        String email = "member-" + tenant.key() + "@example.test";
        assertEquals(201, api().post("/api/users", "{\"email\":\"" + email + "\",\"password\":\"member-password\","
                + "\"role\":\"member\"}", bearer(admin)).status());
        String member = api().login(tenant.key(), email, "member-password");
        assertEquals(200, api().get("/api/settings", bearer(member)).status());
    }
}
