package dev.gateway.admin.spa;

import dev.gateway.events.TenantKey;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The SPA validates keys as they are typed; its copy of the rules must be the registry's (event-contracts). */
class TenantKeyRulesTest {

    private static final Path RULES = Path.of("src/main/web/src/tenants/tenantKey.ts");

    @Test
    void shouldUseTheSamePatternAsEventContracts() throws IOException {
        Matcher pattern = Pattern.compile("TENANT_KEY_PATTERN = /(.+)/;").matcher(Files.readString(RULES));

        assertTrue(pattern.find(), "TENANT_KEY_PATTERN literal in " + RULES);
        assertEquals(TenantKey.PATTERN.pattern(), pattern.group(1));
    }

    @Test
    void shouldReserveExactlyTheKeysEventContractsReserves() throws IOException {
        String source = Files.readString(RULES);
        String list = source.substring(source.indexOf("RESERVED_TENANT_KEYS"), source.indexOf("];"));
        Set<String> reserved = Pattern.compile("'([^']+)'").matcher(list).results()
                .map(m -> m.group(1)).collect(Collectors.toSet());

        assertEquals(TenantKey.RESERVED, reserved);
    }
}
