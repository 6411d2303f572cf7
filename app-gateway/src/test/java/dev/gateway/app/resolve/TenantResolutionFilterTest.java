package dev.gateway.app.resolve;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class TenantResolutionFilterTest {

    @Test
    void shouldNameTheRouteOfAPerRouteLimitByFirstSegment() {
        assertEquals("projects", TenantResolutionFilter.route("/api/projects/1/tasks"));
        assertEquals("me", TenantResolutionFilter.route("/api/me"));
        assertNull(TenantResolutionFilter.route("/api/"));
    }
}
