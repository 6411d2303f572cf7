package dev.gateway.provisioner.tenant;

import dev.gateway.runtime.database.PlatformDb;
import dev.gateway.provisioner.support.ProvisionerFixture;
import dev.gateway.provisioner.support.Wait;
import dev.gateway.runtime.consumer.DependencyUnavailableException;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertThrows;

/** Two provisioner instances (two lock pools on the real platform database) contend for tenants. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenantWorkLocksIT {

    private ApplicationContext context;
    private TenantWorkLocks first;
    private TenantWorkLocks second;

    @BeforeAll
    void start() throws Exception {
        Map<String, Object> props = ProvisionerFixture.properties(ProvisionerFixture.uniqueSuffix());
        props.put("gateway.events.consumers-enabled", "false");
        context = ApplicationContext.builder().properties(props).start();
        PlatformDb db = context.getBean(PlatformDb.class);
        first = new TenantWorkLocks(db, 2);
        second = new TenantWorkLocks(db, 2);
    }

    @AfterAll
    void stop() {
        second.close();
        context.close();
    }

    @Test
    void shouldLetOneInstanceAtATimeWorkOnATenant() {
        String tenant = ProvisionerFixture.newKey();
        try (TenantWorkLocks.Held held = first.hold(tenant)) {
            assertThrows(DependencyUnavailableException.class, () -> second.hold(tenant));
            second.hold(ProvisionerFixture.newKey()).close();
        }
        second.hold(tenant).close();
    }

    @Test
    void shouldReleaseTheLocksOfAnInstanceThatWentAway() throws Exception {
        String tenant = ProvisionerFixture.newKey();
        TenantWorkLocks dying = new TenantWorkLocks(context.getBean(PlatformDb.class), 1);
        dying.hold(tenant);
        assertThrows(DependencyUnavailableException.class, () -> second.hold(tenant));
        dying.close();
        // the server frees a session's locks when its backend sees the connection gone: soon, not at once
        Wait.until("the lock freed", Duration.ofSeconds(10), () -> {
            try {
                second.hold(tenant).close();
                return true;
            } catch (DependencyUnavailableException stillHeld) {
                return false;
            }
        });
    }
}
