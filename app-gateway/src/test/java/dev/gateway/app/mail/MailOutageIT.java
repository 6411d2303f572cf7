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
 * While the broker cannot store mail.send, a change that asks for a mail is committed and answered as usual: its mail
 * waits in the tenant's outbox and is stored once the broker is back (by the sweep, the relay after commit having
 * failed), once, under the id derived from what it is about, however often the decision is asked for again.
 */
@MicronautTest
class MailOutageIT extends GatewayIntegrationTest {

    private final PrivateNats nats = startNats();

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("nats.default.addresses", nats.url(), "gateway.tenant-outbox.sweep-interval", "200ms",
                "gateway.tenant-outbox.sweep-grace", "0s", "gateway.tenant-outbox.ack-timeout", "1s");
    }

    @AfterAll
    void stopNats() throws Exception {
        nats.close();
    }

    @Test
    void shouldCommitTheChangeAndRelayItsMailOnceTheBrokerIsBack() throws Exception {
        ProvisionedTenant tenant = TenantFixture.schemaTenant(Map.of());
        String admin = api().login(tenant);
        String email = "joiner-" + UUID.randomUUID() + "@example.test";
        assertEquals(202, api().post("/api/signups", "{\"email\":\"" + email + "\",\"name\":\"Joe\","
                + "\"password\":\"pass-word-1\"}", "X-Tenant-ID", tenant.key()).status());
        String id = (String) api().get("/api/users?status=pending", bearer(admin)).items().get(0).get("id");

        nats.stop();
        Reply during = api().post("/api/users/" + id + "/approve", "", bearer(admin));
        assertEquals(200, during.status(), during.body());
        assertEquals("active", api().get("/api/users/" + id, bearer(admin)).json().get("status"), "committed");
        assertEquals(200, api().post("/api/users/" + id + "/approve", "", bearer(admin)).status(), "asked again");

        nats.startServer();
        timeUntil("the mail relayed once the broker is back", Duration.ofSeconds(20), () -> MailBox.on(nats.url(),
                tenant.key()).stream().anyMatch(sent -> sent.mail().template().equals("join-approved")));
        assertEquals(200, api().post("/api/users/" + id + "/approve", "", bearer(admin)).status());

        List<MailBox.Sent> approvals = MailBox.on(nats.url(), tenant.key()).stream()
                .filter(sent -> sent.mail().template().equals("join-approved")).toList();
        assertEquals(1, approvals.size(), "decided once, asked for again and again, stored once");
        assertEquals(MailRequests.id(tenant.key(), Mail.of(email, "join-approved", Map.of(), UUID.fromString(id))),
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
