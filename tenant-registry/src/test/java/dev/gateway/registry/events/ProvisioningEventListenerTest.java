package dev.gateway.registry.events;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ProvisioningEventListenerTest {

    @Test
    void shouldFlattenDeadLetterReasonsIntoOneHeaderLine() {
        assertEquals("Unexpected end-of-input at [line 1]",
                ProvisioningEventListener.headerValue("Unexpected end-of-input\n at [line 1]"));
        assertEquals("unknown", ProvisioningEventListener.headerValue(null));
        assertEquals(500, ProvisioningEventListener.headerValue("x".repeat(2000)).length());
    }
}
