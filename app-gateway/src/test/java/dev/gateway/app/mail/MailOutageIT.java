package dev.gateway.app.mail;

import dev.gateway.app.support.Api.Reply;
import dev.gateway.app.support.GatewayIntegrationTest;
import dev.gateway.app.support.MailBox;
import dev.gateway.app.support.ProvisionedTenant;
import dev.gateway.app.support.TenantFixture;
import dev.gateway.runtime.support.PrivateNats;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.nats.client.Connection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.gateway.app.support.Api.bearer;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * While the broker cannot store mail.send, a change that asks for a mail is committed and answered 503
 * {@code mail-unavailable}; the same request sent again once the broker is back answers as the first would have and
 * the mail is stored once, under the id derived from what it is about. Tenant traffic that sends no mail goes on.
 */
@MicronautTest
class MailOutageIT extends GatewayIntegrationTest {

    private final PrivateNats nats = startNats();

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("nats.default.addresses", nats.url(), "gateway.mail.publish-timeout", "2s");
    }

    @AfterAll
    void stopNats() throws Exception {
        nats.close();
    }

    @Test
    void shouldCommitTheChangeAndAskForItsMailOnceWhenRetried() throws Exception {
        ProvisionedTenant tenant = TenantFixture.schemaTenant(Map.of());
        String admin = api().login(tenant);
        String email = "joiner-" + UUID.randomUUID() + "@example.test";
        assertEquals(202, api().post("/api/signups", "{\"email\":\"" + email + "\",\"name\":\"Joe\","
                + "\"password\":\"pass-word-1\"}", "X-Tenant-ID", tenant.key()).status());
        String id = (String) api().get("/api/users?status=pending", bearer(admin)).items().get(0).get("id");

        nats.stop();
        Reply during = api().post("/api/users/" + id + "/approve", "", bearer(admin));
        assertEquals(503, during.status(), during.body());
        assertEquals("mail-unavailable", during.problem());
        assertEquals("5", during.header("Retry-After"));
        assertEquals("active", api().get("/api/users/" + id, bearer(admin)).json().get("status"), "committed");
        assertEquals(200, api().get("/api/projects", bearer(admin)).status(), "traffic without mail goes on");

        nats.startServer();
        timeUntil("the gateway reconnected", Duration.ofSeconds(15), () -> api().post("/api/users/" + id + "/approve",
                "", bearer(admin)).status() == 200);
        assertEquals(200, api().post("/api/users/" + id + "/approve", "", bearer(admin)).status());

        List<MailBox.Sent> approvals = MailBox.on(nats.url(), tenant.key()).stream()
                .filter(sent -> sent.mail().template().equals("join-approved")).toList();
        assertEquals(1, approvals.size(), "asked for again and again, stored once");
        assertEquals(MailPublisher.id(tenant.key(), Mail.of(email, "join-approved", Map.of(), UUID.fromString(id))),
                approvals.get(0).messageId());
        assertEquals(email, approvals.get(0).mail().to());
    }

    private static PrivateNats startNats() {
        try {
            PrivateNats nats = PrivateNats.start();
            try (Connection connection = nats.connect()) {
                MailBox.declare(connection);
            }
            return nats;
        } catch (Exception e) {
            throw new IllegalStateException("nats-server is needed for this test", e);
        }
    }
}
