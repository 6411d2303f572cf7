package dev.gateway.admin.proxy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A stand-in registry/provisioner on a random loopback port: it records the last request it got
 * and answers the canned responses the proxy tests assert on.
 */
final class FakeUpstream implements AutoCloseable {

    record Seen(String method, String path, String query, Map<String, List<String>> headers, String body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    final AtomicReference<Seen> lastRequest = new AtomicReference<>();
    /** Released by the test once it has read the first SSE event; the second event waits for it. */
    final CountDownLatch firstEventRead = new CountDownLatch(1);
    final AtomicBoolean secondEventSentAfterRead = new AtomicBoolean();

    private final HttpServer server;
    private final String name;

    FakeUpstream(String name) throws IOException {
        this.name = name;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        lastRequest.set(new Seen(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                exchange.getRequestURI().getRawQuery(), Map.copyOf(exchange.getRequestHeaders()), body));
        String path = exchange.getRequestURI().getPath();
        if (path.equals("/api/gateway/events")) {
            streamEvents(exchange);
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

    private void streamEvents(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write("event: tenant.created\ndata: {\"n\":1}\n\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            secondEventSentAfterRead.set(firstEventRead.await(5, TimeUnit.SECONDS));
            out.write("event: tenant.ready\ndata: {\"n\":2}\n\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
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
        server.stop(0);
    }
}
