package dev.gateway.provisioner.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MigrateArgumentsTest {

    @Test
    void shouldParseASingleTenant() {
        MigrateArguments args = MigrateArguments.parse(new String[]{"-t", "acme"});
        assertEquals("acme", args.tenant());
        assertEquals(8, args.parallel());
    }

    @Test
    void shouldParseAFleetRunWithOptions() {
        MigrateArguments args = MigrateArguments.parse(
                new String[]{"--all", "--parallel", "16", "--skip-failing", "--canary", "3"});
        assertTrue(args.all() && args.skipFailing());
        assertEquals(16, args.parallel());
        assertEquals(3, args.canary());
    }

    @Test
    void shouldParseResumeAndDrift() {
        UUID run = UUID.randomUUID();
        assertEquals(run, MigrateArguments.parse(new String[]{"--resume", run.toString()}).resume());
        assertTrue(MigrateArguments.parse(new String[]{"--drift"}).drift());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "--all -t acme", "--all --parallel", "--all --parallel 0", "--all --parallel x",
            "--canary -1 --all", "--resume nope", "-t Bad_Key", "--bogus", "--drift --all"})
    void shouldRefuseBadArguments(String line) {
        String[] args = line.isEmpty() ? new String[0] : line.split(" ");
        assertThrows(IllegalArgumentException.class, () -> MigrateArguments.parse(args));
    }
}
