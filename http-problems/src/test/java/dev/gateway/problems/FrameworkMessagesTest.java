package dev.gateway.problems;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FrameworkMessagesTest {

    private static final String LOCATION = "\n at [Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` "
            + "disabled); line: 1, column: 24]";

    @Test
    void shouldNameTheFieldInsteadOfTheClass() {
        assertEquals("invalid value for pool_id: Invalid UUID string: -1", FrameworkMessages.clean(
                "Failed to convert argument [request] for value [null] due to: Error decoding property [UUID poolId] of "
                        + "type [class dev.gateway.registry.tenant.CreateTenantRequest]: Invalid UUID string: -1"));
        assertEquals("invalid value for rate_per_second: Numeric value (9223372036854775807) out of range of int",
                FrameworkMessages.clean("Failed to convert argument [request] for value [null] due to: Error decoding "
                        + "property [Integer ratePerSecond] of type [class dev.gateway.registry.tenant.UpdateTenantRequest]:"
                        + " Numeric value (9223372036854775807) out of range of int" + LOCATION));
    }

    @Test
    void shouldDropJavaTypesAndTheParsersLocation() {
        assertEquals("Cannot deserialize value of type integer due to: Unable to coerce string to integer",
                FrameworkMessages.clean("Failed to convert argument [request] for value [null] due to: Cannot "
                        + "deserialize value of type `java.lang.Integer` due to: Unable to coerce string to integer "
                        + LOCATION));
        assertEquals("Unexpected token START_ARRAY, expected START_OBJECT", FrameworkMessages.clean(
                "Failed to convert argument [request] for value [null] due to: Unexpected token START_ARRAY, expected "
                        + "START_OBJECT " + LOCATION));
    }

    @Test
    void shouldNameAQueryParameterAndKeepPlainMessages() {
        assertEquals("invalid value for limit: For input string: \"abc\"", FrameworkMessages.clean(
                "Failed to convert argument [limit] for value [abc] due to: For input string: \"abc\""));
        assertEquals("Required argument [String key] not specified",
                FrameworkMessages.clean("Required argument [String key] not specified"));
    }

    @Test
    void shouldReplaceAMessageThatStillNamesInternals() {
        assertEquals(FrameworkMessages.UNREADABLE, FrameworkMessages.clean("Bad thing in io.micronaut.http.Foo"));
        assertEquals(FrameworkMessages.UNREADABLE, FrameworkMessages.clean("java.lang.NumberFormatException: x"));
    }
}
