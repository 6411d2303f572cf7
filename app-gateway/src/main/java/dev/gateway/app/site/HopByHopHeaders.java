package dev.gateway.app.site;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.MutableHttpHeaders;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Headers about one connection rather than the message (RFC 9110 §7.6.1), and those a Connection header names:
 * a relay passes them neither to the upstream nor back.
 */
final class HopByHopHeaders {

    private static final Set<String> ALWAYS = Set.of("connection", "proxy-connection", "keep-alive", "te", "trailer",
            "transfer-encoding", "upgrade", "proxy-authenticate", "proxy-authorization");

    private HopByHopHeaders() {
    }

    /** Whether the message's Connection header asks to close the connection after it. */
    static boolean asksToClose(HttpHeaders headers) {
        return headers.getAll(HttpHeaders.CONNECTION).stream().flatMap(value -> Arrays.stream(value.split(",")))
                .anyMatch(token -> token.trim().equalsIgnoreCase("close"));
    }

    static void remove(MutableHttpHeaders headers) {
        List<String> named = new ArrayList<>();
        headers.getAll(HttpHeaders.CONNECTION).forEach(value -> named.addAll(Arrays.asList(value.split(","))));
        for (String name : List.copyOf(headers.names())) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (ALWAYS.contains(lower) || named.stream().anyMatch(n -> n.trim().equalsIgnoreCase(lower))) {
                headers.remove(name);
            }
        }
    }
}
