package dev.gateway.admin.proxy;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Headers about one connection rather than the message (RFC 9110 §7.6.1): the proxy passes them
 * neither from the caller to the upstream nor back, and neither the headers a Connection header names.
 */
final class HopByHopHeaders {

    private static final Set<String> ALWAYS = Set.of("connection", "proxy-connection", "keep-alive", "te", "trailer",
            "transfer-encoding", "upgrade", "proxy-authenticate", "proxy-authorization");

    private HopByHopHeaders() {
    }

    /** Which header names of a message with these Connection values are end-to-end. */
    static Predicate<String> endToEnd(List<String> connection) {
        Set<String> named = tokens(connection);
        return name -> !ALWAYS.contains(lowerCase(name)) && !named.contains(lowerCase(name));
    }

    /** Whether these Connection values ask to close the connection after this message. */
    static boolean close(List<String> connection) {
        return tokens(connection).contains("close");
    }

    private static Set<String> tokens(List<String> connection) {
        return connection.stream()
                .flatMap(value -> Arrays.stream(value.split(",")))
                .map(HopByHopHeaders::lowerCase)
                .collect(Collectors.toSet());
    }

    static String lowerCase(String name) {
        return name.trim().toLowerCase(Locale.ROOT);
    }
}
