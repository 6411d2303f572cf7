package dev.gateway.registry.mail;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EmailAddressesTest {

    @ParameterizedTest
    @ValueSource(strings = {"ops@acme.example", "first.last+tag@mail.acme.example", "a@b.co"})
    void shouldAcceptOneMailbox(String address) {
        assertTrue(EmailAddresses.isValid(address));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ops", "ops@acme", "two@@acme.example", "a b@acme.example", "Ops <ops@acme.example>",
            "a@acme.example, b@acme.example", "ops@acme.example\r\nBcc: x@y.example", "ops\u0000@acme.example"})
    void shouldRefuseAnythingElse(String address) {
        assertFalse(EmailAddresses.isValid(address));
    }
}
