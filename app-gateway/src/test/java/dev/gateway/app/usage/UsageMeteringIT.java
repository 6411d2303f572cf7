package dev.gateway.app.usage;

import dev.gateway.app.support.GatewayIntegrationTest;
import dev.gateway.app.support.ProvisionedTenant;
import dev.gateway.app.support.StreamMessages;
import dev.gateway.app.support.TenantFixture;
import dev.gateway.events.RequestUsage;
import dev.gateway.events.Stream;
import dev.gateway.events.TenantDirectory;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.gateway.app.support.Api.bearer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Known traffic (N requests, K of them refused by the tenant's rate limit) is published as {@code usage.requests}
 * windows whose sums are exactly that, each window under the id derived from instance, tenant and window start; a
 * window whose acknowledgement was lost is sent again under the same id and stored once.
 */
@MicronautTest
class UsageMeteringIT extends GatewayIntegrationTest {

    private static final int WINDOW_SECONDS = 2;

    @Inject
    UsagePublisher publisher;

    @Inject
    LosingFirstAckPublisher losing;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("gateway.usage.window-seconds", Integer.toString(WINDOW_SECONDS), "it.usage.lose-first-ack",
                "true");
    }

    @Test
    void shouldPublishExactCountsOncePerWindow() {
        ProvisionedTenant tenant = TenantFixture.schemaTenant(Map.of(TenantDirectory.RATE_PER_SECOND, "1",
                TenantDirectory.BURST, "5"));
        String admin = api().login(tenant); // one anonymous request: the activation
        int requests = 1;
        int ok = 1;
        int limited = 0;
        for (int i = 0; i < 20; i++) {
            int status = api().get("/api/projects", bearer(admin)).status();
            requests++;
            if (status == 429) {
                limited++;
            } else {
                assertEquals(200, status);
                ok++;
            }
        }
        assertTrue(limited > 0 && ok > 1, "the traffic mixes admitted and refused requests: " + ok + "/" + limited);

        int expected = requests;
        timeUntil("every window published", Duration.ofSeconds(WINDOW_SECONDS * 3L + 10),
                () -> windows(tenant).stream().mapToLong(RequestUsage::requests).sum() >= expected);
        String first = losing.usageIdsSent.get(0);
        timeUntil("the window whose ack was lost sent again", Duration.ofSeconds(WINDOW_SECONDS * 2L + 5),
                () -> losing.usageIdsSent.stream().filter(first::equals).count() == 2);
        List<StreamMessages.Stored> stored = StreamMessages.of(Stream.USAGE, tenant.key());
        List<RequestUsage> windows = windows(tenant);
        assertEquals(requests, windows.stream().mapToLong(RequestUsage::requests).sum());
        assertEquals(ok, windows.stream().mapToLong(w -> w.byStatus().get("2xx")).sum());
        assertEquals(limited, windows.stream().mapToLong(w -> w.byStatus().get("4xx")).sum());
        assertEquals(0, windows.stream().mapToLong(w -> w.byStatus().get("5xx") + w.byStatus().get("3xx")).sum());
        assertEquals(limited, windows.stream().mapToLong(RequestUsage::rateLimited).sum());
        assertTrue(windows.stream().mapToLong(RequestUsage::dbMs).sum() > 0, "the transactions took time");
        for (StreamMessages.Stored one : stored) {
            RequestUsage window = one.event().dataAs(RequestUsage.class);
            assertEquals(UsagePublisher.eventId(publisher.instance(), tenant.key(), window.windowStart()),
                    one.event().id());
            assertEquals(one.event().id(), one.messageId());
            assertEquals(WINDOW_SECONDS, window.windowSeconds());
            assertEquals(0, window.windowStart().getEpochSecond() % WINDOW_SECONDS, "aligned to the epoch");
        }
        assertEquals(stored.size(), stored.stream().map(StreamMessages.Stored::messageId).distinct().count());
        assertEquals(1, stored.stream().filter(one -> one.messageId().equals(first)).count(), "sent twice, stored once");
    }

    private List<RequestUsage> windows(ProvisionedTenant tenant) {
        return StreamMessages.of(Stream.USAGE, tenant.key()).stream()
                .map(s -> s.event().dataAs(RequestUsage.class))
                .filter(w -> w.instance().equals(publisher.instance())).toList();
    }
}
