package dev.gateway.admin.proxy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SameOriginFilterTest {

    @ParameterizedTest
    @CsvSource({
            "http://localhost:8001, localhost:8001, true",
            "http://ADMIN.example.com, admin.example.com, true",
            "http://admin.example.com, admin.example.com:80, true",
            "https://admin.example.com, admin.example.com:443, true",
            "http://[::1]:8001, [::1]:8001, true",
            "http://localhost:8001, localhost:8002, false",
            "http://admin.example.com.evil.test, admin.example.com, false",
            "https://admin.example.com, admin.example.com:80, false",
            "null, localhost:8001, false",
            "http://localhost:8001/path, localhost:8001, false",
            "'http://bad host', localhost, false"})
    void shouldTellTheUisOwnOriginFromAnyOther(String origin, String host, boolean same) {
        assertEquals(same, SameOriginFilter.sameSite(origin, host));
    }
}
