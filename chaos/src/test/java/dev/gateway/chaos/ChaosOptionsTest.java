package dev.gateway.chaos;

import dev.gateway.chaos.fuzz.FuzzSettings;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChaosOptionsTest {

    private static ChaosOptions parse(String... args) {
        return ChaosOptions.parse(args, Map.of());
    }

    @Test
    void shouldTakeTheFuzzSeedAndRequestCountFromTheCommandLine() {
        ChaosOptions options = parse("--only", "fuzz", "--seed", "42", "--fuzz-requests", "10000", "--root", "/tmp");
        assertEquals(new FuzzSettings(42, 10_000), options.fuzz());
        assertEquals("bin/gateway chaos --only fuzz --seed 42 --fuzz-requests 10000", options.command());
    }

    @Test
    void shouldPickARandomSeedAndThreeThousandRequestsByDefault() {
        FuzzSettings defaults = parse("--quick").fuzz();
        assertEquals(FuzzSettings.DEFAULT_REQUESTS, defaults.requests());
        assertTrue(defaults.seed() >= 0);
        assertTrue(parse().fuzz().seed() != defaults.seed() || parse().fuzz().seed() != defaults.seed());
    }

    @Test
    void shouldRefuseASeedOrCountThatIsNoWholeNumber() {
        assertThrows(IllegalArgumentException.class, () -> parse("--seed", "abc"));
        assertThrows(IllegalArgumentException.class, () -> parse("--seed"));
        assertThrows(IllegalArgumentException.class, () -> parse("--fuzz-requests", "0"));
        assertThrows(IllegalArgumentException.class, () -> parse("--fuzz-requests", "1.5"));
    }
}
