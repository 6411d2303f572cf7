package dev.gateway.registry.signup;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SignupConfigurationTest {

    @Test
    void shouldKeepTheOperatorAddressesWithoutBlanks() {
        SignupConfiguration config = new SignupConfiguration(Duration.ofDays(14),
                List.of(" ops@platform.example", "", "operators@gateway.localhost "), "http://localhost:8001/signups",
                null);
        assertEquals(List.of("ops@platform.example", "operators@gateway.localhost"), config.operatorEmails());
    }

    @Test
    void shouldRefuseToStartWithAnOperatorAddressNoMailCouldReach() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> new SignupConfiguration(
                Duration.ofDays(14), List.of("ops@platform.example", "operators@localhost"), "http://x", null));
        assertTrue(refused.getMessage().contains("'operators@localhost'"), refused.getMessage());
    }
}
