package dev.gateway.registry.mail;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MailTemplatesTest {

    private final MailTemplates templates = new MailTemplates();

    @Test
    void shouldRenderEveryTemplateWithEachOfItsParamsInBothParts() {
        MailTemplates.REQUIRED.forEach((name, required) -> {
            Map<String, String> params = new HashMap<>();
            required.forEach(p -> params.put(p, "value-of-" + p));

            RenderedMail mail = templates.render(name, params);

            assertFalse(mail.subject().isBlank(), name);
            assertFalse(mail.subject().contains("\n"), name);
            for (String p : required) {
                assertTrue(mail.text().contains("value-of-" + p) || mail.subject().contains("value-of-" + p),
                        name + " text shows " + p);
                assertTrue(mail.html().contains("value-of-" + p), name + " html shows " + p);
            }
            assertTrue(mail.html().startsWith("<!DOCTYPE html>"), name);
            assertFalse(mail.text().contains("{{"), name);
        });
    }

    @Test
    void shouldSayThatNoWorkspaceHasTheAddressWhenTheListIsEmpty() {
        RenderedMail none = templates.render("workspace-list", Map.of("workspaces", ""));
        RenderedMail some = templates.render("workspace-list", Map.of("workspaces", "acme — http://acme.localhost:8000"));

        assertTrue(none.text().contains("no workspace has this address"), none.text());
        assertFalse(some.text().contains("no workspace"), some.text());
        assertTrue(some.text().contains("acme — http://acme.localhost:8000"), some.text());
    }

    @Test
    void shouldRefuseAMissingParamNamingIt() {
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> templates.render("signup-received", Map.of("company_name", "Acme")));

        assertEquals("mail template 'signup-received' needs key", missing.getMessage());
        assertFalse(templates.knows("no-such-template"));
    }

    @Test
    void shouldShowAnOptionalReasonOnlyWhenGiven() {
        assertFalse(templates.render("join-rejected", Map.of("company_name", "Acme")).text().contains("Reason"));
        assertTrue(templates.render("join-rejected", Map.of("company_name", "Acme", "reason", "full"))
                .text().contains("Reason: full"));
    }
}
