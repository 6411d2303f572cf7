package dev.gateway.admin;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A stand-in registry, provisioner or usage-meter on a random loopback port: it records the last request it got,
 * answers the canned responses the proxy tests assert on and counts the connections made to it.
 */
public final class FakeUpstream implements AutoCloseable {

    /**
     * A request as it arrived: {@code target} as on the request line; {@code connection} tells the connections apart
     * (see {@link #isOpen}).
     */
    public record Seen(String method, String target, String path, String query, Map<String, List<String>> headers,
                       String body, int connection) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    /**
     * Hop-by-hop headers this fake sets on the answer to a path ending in /hop-by-hop. {@code close}
     * stands alone in its Connection field: the JDK client recognises only that spelling.
     */
    public static final List<Map.Entry<String, String>> HOP_BY_HOP_RESPONSE_HEADERS = List.of(
            Map.entry("Connection", "close"),
            Map.entry("Connection", "X-Upstream-Hop"),
            Map.entry("X-Upstream-Hop", "for the proxy only"),
            Map.entry("Keep-Alive", "timeout=5"),
            Map.entry("Proxy-Authenticate", "Basic realm=upstream"),
            Map.entry("Trailer", "X-Checksum"),
            Map.entry("Upgrade", "example/1"));

    public final AtomicReference<Seen> lastRequest = new AtomicReference<>();
    public final List<Seen> requests = new CopyOnWriteArrayList<>();
    /** Released by the test once it has read the first SSE event; the second event waits for it. */
    public final CountDownLatch firstEventRead = new CountDownLatch(1);
    public final AtomicBoolean secondEventSentAfterRead = new AtomicBoolean();
    /** Counted down when writing to an event stream fails: whoever read it has closed the connection. */
    public final CountDownLatch streamClosedByReader = new CountDownLatch(1);
    /** Counted down as soon as the first KiB of an upload has arrived. */
    public final CountDownLatch uploadStarted = new CountDownLatch(1);

    private final HttpServer server;
    private final ConnectionCounter connections;
    private final String name;

    public FakeUpstream(String name) throws IOException {
        this.name = name;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
        connections = new ConnectionCounter(server.getAddress().getPort());
    }

    public String url() {
        return "http://127.0.0.1:" + connections.port();
    }

    /** Connections made to this fake that neither side has closed yet. */
    public int openConnections() {
        return connections.open();
    }

    public int acceptedConnections() {
        return connections.accepted();
    }

    /** Whether the connection that carried this request is still open. */
    public boolean isOpen(Seen request) {
        return connections.isOpen(request.connection());
    }

    private void handle(HttpExchange exchange) throws IOException {
        if (exchange.getRequestURI().getPath().endsWith("/uploads")) {
            receiveUpload(exchange);
            return;
        }
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Seen seen = new Seen(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                exchange.getRequestURI().getPath(),
                exchange.getRequestURI().getRawQuery(), Map.copyOf(exchange.getRequestHeaders()), body,
                exchange.getRemoteAddress().getPort());
        lastRequest.set(seen);
        requests.add(seen);
        String path = exchange.getRequestURI().getPath();
        String accept = exchange.getRequestHeaders().getFirst("Accept");
        if (accept != null && accept.startsWith("text/csv")) {
            respond(exchange, 200, "text/csv", "upstream,path\n" + name + "," + path + "\n");
        } else if (path.endsWith("/ghost")) {
            respond(exchange, 404, "application/problem+json",
                    "{\"type\":\"https://gateway.dev/problems/tenant-not-found\",\"title\":\"Tenant not found\",\"status\":404}");
        } else if (path.equals("/api/gateway/events") && !exchange.getRequestHeaders().containsKey("Authorization")) {
            respond(exchange, 401, "application/problem+json",
                    "{\"type\":\"https://gateway.dev/problems/unauthorized\",\"title\":\"Unauthorized\",\"status\":401}");
        } else if (path.equals("/api/gateway/events") && "ends=1".equals(exchange.getRequestURI().getRawQuery())) {
            respond(exchange, 200, "text/event-stream", "data: {\"n\":1}\n\n");
        } else if (path.equals("/api/gateway/events")) {
            streamEvents(exchange);
        } else if (path.endsWith("/hop-by-hop")) {
            HOP_BY_HOP_RESPONSE_HEADERS.forEach(h -> exchange.getResponseHeaders().add(h.getKey(), h.getValue()));
            exchange.getResponseHeaders().add("X-Upstream", name);
            respond(exchange, 200, "application/json", "{\"upstream\":\"" + name + "\"}");
        } else if (path.endsWith("/html-error")) {
            respond(exchange, 503, "text/html", "<!doctype html><title>503 — Service Unavailable</title>");
        } else if (path.endsWith("/conflict")) {
            respond(exchange, 409, "application/problem+json",
                    "{\"type\":\"https://gateway.dev/problems/illegal-transition\",\"title\":\"Illegal transition\",\"status\":409}");
        } else {
            exchange.getResponseHeaders().add("X-Upstream", name);
            exchange.getResponseHeaders().add("Location", "/api/gateway/tenants/acme");
            respond(exchange, exchange.getRequestMethod().equals("POST") ? 202 : 200, "application/json",
                    "{\"upstream\":\"" + name + "\",\"echo\":" + (body.isEmpty() ? "null" : body) + "}");
        }
    }

    /** Signals as soon as the first KiB of the body is in, then answers with the total byte count. */
    private void receiveUpload(HttpExchange exchange) throws IOException {
        InputStream body = exchange.getRequestBody();
        long received = body.readNBytes(1024).length;
        uploadStarted.countDown();
        received += body.transferTo(OutputStream.nullOutputStream());
        respond(exchange, 200, "application/json", "{\"bytes\":" + received + "}");
    }

    private void streamEvents(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write("event: tenant.created\ndata: {\"n\":1}\n\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            secondEventSentAfterRead.set(firstEventRead.await(5, TimeUnit.SECONDS));
            out.write("event: tenant.ready\ndata: {\"n\":2}\n\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            for (int i = 0; i < 100; i++) {
                Thread.sleep(100);
                out.write(": keep-alive\n\n".getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        } catch (IOException e) {
            streamClosedByReader.countDown();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        connections.close();
        server.stop(0);
    }
}
