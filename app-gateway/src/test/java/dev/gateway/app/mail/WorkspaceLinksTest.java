package dev.gateway.app.mail;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class WorkspaceLinksTest {

    @Test
    void shouldPrefixTheSitesHostWithTheTenantKeepingSchemeAndPort() {
        WorkspaceLinks local = new WorkspaceLinks("http://localhost:8000");
        assertEquals("http://acme.localhost:8000", local.workspace("acme"));
        assertEquals("http://acme.localhost:8000/activate#tok-en_1", local.activate("acme", "tok-en_1"));
        assertEquals("http://acme.localhost:8000/login", local.signIn("acme"));
        assertEquals("http://acme.localhost:8000/users?status=pending", local.pendingUsers("acme"));
        assertEquals("https://acme.gateway.example", new WorkspaceLinks("https://gateway.example/").workspace("acme"));
    }

    @Test
    void shouldRefuseASiteThatIsNoHttpUrl() {
        for (String url : new String[]{"localhost:8000", "ftp://localhost", "http://", "/relative"}) {
            assertThrows(IllegalArgumentException.class, () -> new WorkspaceLinks(url), url);
        }
    }
}
