package dev.gateway.app.mail;

import dev.gateway.app.support.Api.Reply;
import dev.gateway.app.support.GatewayIntegrationTest;
import dev.gateway.app.support.MailBox;
import dev.gateway.app.support.ProvisionedTenant;
import dev.gateway.app.support.TenantFixture;
import dev.gateway.events.Stream;
import dev.gateway.testing.SecuredNats;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.gateway.app.support.Api.bearer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * On a NATS with the platform's users and permissions (deploy/nats), the gateway's own user may ask for mails: its
 * mail.send is stored on MAIL, which the registry's user declared, and the broker records no violation.
 */
@MicronautTest
class MailPermissionsIT extends GatewayIntegrationTest {

    private SecuredNats nats;

    @Override
    protected Map<String, String> extraProperties() {
        if (nats == null) {
            nats = SecuredNats.start();
        }
        return Map.of("nats.default.addresses", nats.url(), "nats.default.username", "app-gateway",
                "nats.default.password", nats.password("app-gateway"));
    }

    @AfterAll
    void stopNats() {
        nats.close();
    }

    @Test
    void shouldPublishMailsWithItsOwnUser() throws Exception {
        try (Connection registry = Nats.connect(Options.builder().server(nats.url())
                .userInfo("tenant-registry", nats.password("tenant-registry"))
                .inboxPrefix("_INBOX.tenant-registry.").build())) {
            MailBox.declare(registry);
            ProvisionedTenant tenant = TenantFixture.schemaTenant(Map.of());
            String admin = api().login(tenant);

            Reply invited = api().post("/api/users/invitations", "{\"email\":\"invitee@example.test\",\"role\":\"member\"}",
                    bearer(admin));

            assertEquals(201, invited.status(), invited.body());
            eventually("the invitation's mail relayed", () -> mailCount(registry) == 1);
            assertFalse(nats.logText().contains("Permissions Violation"), nats.logText());
        }
    }

    private static long mailCount(Connection registry) {
        try {
            return registry.jetStreamManagement().getStreamInfo(Stream.MAIL.name()).getStreamState().getMsgCount();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
