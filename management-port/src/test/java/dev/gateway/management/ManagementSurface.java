package dev.gateway.management;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What every service's public port must not give away and its management port must serve: each management
 * endpoint the services have, by the method that reads or changes it.
 */
public final class ManagementSurface {

    /** Path of each endpoint read every service serves, with something only the endpoint itself would answer. */
    private static final List<String[]> READS = List.of(
            new String[]{"/health", "\"details\""}, new String[]{"/prometheus", "# TYPE jvm_"},
            new String[]{"/metrics", "\"names\""}, new String[]{"/metrics/jvm.memory.used", "\"measurements\""},
            new String[]{"/threaddump", "RUNNABLE"}, new String[]{"/info", "{"});
    /** Reads some services serve (/beans fails where beans are registered at runtime, and is off there). */
    private static final List<String> OTHER_READS = List.of("/beans");
    /** Endpoints that change the running service. */
    private static final List<String> WRITES = List.of("/refresh");
    private static final Set<String> PUBLIC_HEALTH = Set.of("{\"status\":\"UP\"}", "{\"status\":\"DOWN\"}");
    static {
        System.setProperty("jdk.httpclient.allowRestrictedHeaders", "host"); // a tenant's Host, before the client loads
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private ManagementSurface() {
    }

    /**
     * On a public port, each management endpoint answers 401/403/404 problem+json, never its data, and
     * /health, /health/liveness and /health/readiness say UP or DOWN and nothing else. {@code headers} are
     * name/value pairs sent with every request (a tenant's Host, a token).
     */
    public static void assertClosed(String baseUrl, String... headers) throws IOException, InterruptedException {
        for (String[] read : READS) {
            if (!read[0].equals("/health")) {
                assertRefused(send("GET", baseUrl + read[0], headers));
            }
        }
        for (String read : OTHER_READS) {
            assertRefused(send("GET", baseUrl + read, headers));
        }
        for (String write : WRITES) {
            assertRefused(send("POST", baseUrl + write, headers));
        }
        for (String path : List.of("/health", "/health/liveness", "/health/readiness")) {
            HttpResponse<String> response = send("GET", baseUrl + path, headers);
            String seen = baseUrl + path + " answered " + response.statusCode() + ": " + shortened(response.body());
            assertTrue(PUBLIC_HEALTH.contains(response.body()), seen);
            assertEquals(response.body().contains("UP") ? 200 : 503, response.statusCode(), seen);
        }
    }

    /** The management port serves the endpoints, with their data, on 127.0.0.1. */
    public static void assertServedOnLoopback(int managementPort) throws IOException, InterruptedException {
        for (String[] read : READS) {
            HttpResponse<String> response = send("GET", "http://127.0.0.1:" + managementPort + read[0]);
            String seen = read[0] + " on the management port answered " + response.statusCode() + ": "
                    + shortened(response.body());
            assertTrue(response.statusCode() == 200 || read[0].equals("/health") && response.statusCode() == 503, seen);
            assertTrue(response.body().contains(read[1]), seen);
        }
    }

    /**
     * From another address of this host, the public port can be reached and the management port cannot: it is
     * bound to loopback. Skipped on a host without a non-loopback address.
     */
    public static void assertLoopbackOnly(int publicPort, int managementPort) throws SocketException {
        Optional<InetAddress> other = nonLoopbackAddress();
        assumeTrue(other.isPresent(), "this host has no non-loopback address to connect from");
        assertTrue(connects(other.get(), publicPort), "the public port is reachable on " + other.get());
        assertThrows(ConnectException.class, () -> connect(other.get(), managementPort),
                "the management port must not be reachable on " + other.get());
    }

    /** GET with this helper's client (which may send a tenant's Host). */
    public static HttpResponse<String> get(String url, String... headers) throws IOException, InterruptedException {
        return send("GET", url, headers);
    }

    private static void assertRefused(HttpResponse<String> response) {
        String seen = response.request().method() + " " + response.uri() + " answered " + response.statusCode() + ": "
                + shortened(response.body());
        assertTrue(Set.of(401, 403, 404).contains(response.statusCode()), seen);
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""), seen);
        assertTrue(response.body().contains("\"status\":" + response.statusCode()), seen);
    }

    private static String shortened(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "..." : body;
    }

    private static HttpResponse<String> send(String method, String url, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .method(method, method.equals("POST") ? HttpRequest.BodyPublishers.ofString("{}")
                        : HttpRequest.BodyPublishers.noBody());
        if (method.equals("POST")) {
            request.header("Content-Type", "application/json");
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Optional<InetAddress> nonLoopbackAddress() throws SocketException {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (nic.isUp() && !nic.isLoopback()) {
                Optional<InetAddress> address = nic.inetAddresses()
                        .filter(a -> a instanceof Inet4Address && !a.isLinkLocalAddress()).findFirst();
                if (address.isPresent()) {
                    return address;
                }
            }
        }
        return Optional.empty();
    }

    private static boolean connects(InetAddress address, int port) {
        try {
            connect(address, port);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void connect(InetAddress address, int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 2000);
        }
    }
}
