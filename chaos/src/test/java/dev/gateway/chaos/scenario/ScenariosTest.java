package dev.gateway.chaos.scenario;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ScenariosTest {

    private static List<String> names(List<Scenario> scenarios) {
        return scenarios.stream().map(Scenario::name).toList();
    }

    @Test
    void quickRunsTheCiSubsetInRunOrder() {
        assertEquals(List.of("kill", "races", "nats-wipe", "fuzz"), names(Scenarios.select(true, List.of())));
    }

    @Test
    void onlyKeepsRunOrderWhateverTheOrderAskedFor() {
        assertEquals(List.of("redis-wipe", "nats-outage"), names(Scenarios.select(false, List.of("nats-outage", "redis-wipe"))));
    }

    @Test
    void everyScenarioHasItsOwnKeyPrefix() {
        List<String> prefixes = Scenarios.all().stream().map(Scenario::prefix).toList();
        assertEquals(prefixes.size(), prefixes.stream().distinct().count());
        prefixes.forEach(p -> assertEquals(true, p.matches("[a-z]{2}"), p));
    }

    @Test
    void anUnknownScenarioIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Scenarios.select(false, List.of("kil")));
    }
}
