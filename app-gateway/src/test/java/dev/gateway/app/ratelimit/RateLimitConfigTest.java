package dev.gateway.app.ratelimit;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RateLimitConfigTest {

    @Test
    void shouldRefuseAnEarlyAdmissionShareOutsideZeroToOne() {
        for (double bad : new double[]{-0.1, 1.5, Double.NaN}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new RateLimitConfig(true, RateLimitConfig.FailMode.OPEN, false, bad));
            assertTrue(e.getMessage().contains("GATEWAY_RATE_LIMIT_EARLY_ADMIT_ABOVE"), e.getMessage());
        }
        assertEquals(1.0, new RateLimitConfig(true, RateLimitConfig.FailMode.OPEN, false, 1.0).earlyAdmitAbove());
    }
}
