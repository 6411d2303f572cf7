package dev.gateway.chaos.client;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RawHttpTest {

    private HttpServer server;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/fixed", exchange -> {
            byte[] body = ("{\"target\":\"" + exchange.getRequestURI() + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/problem+json");
            exchange.sendResponseHeaders(404, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext("/chunked", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write("first,".getBytes(StandardCharsets.UTF_8));
                out.flush();
                out.write("second".getBytes(StandardCharsets.UTF_8));
            }
        });
        server.createContext("/events", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            exchange.getResponseBody().write("event: heartbeat\n\n".getBytes(StandardCharsets.UTF_8));
            exchange.getResponseBody().flush();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private HttpAnswer send(String request, boolean head) {
        return RawHttp.exchange(server.getAddress().getPort(), request.getBytes(StandardCharsets.UTF_8), head,
                Duration.ofSeconds(5));
    }

    @Test
    void shouldReadStatusTypeAndAFixedLengthBodySentAsIs() {
        HttpAnswer answer = send("GET /fixed/%7e?x=%27 HTTP/1.1\r\nHost: a..b\r\nConnection: close\r\n\r\n", false);
        assertEquals(404, answer.status());
        assertEquals("application/problem+json", answer.contentType());
        assertEquals("{\"target\":\"/fixed/%7e?x=%27\"}", answer.body());
    }

    @Test
    void shouldJoinAChunkedBody() {
        HttpAnswer answer = send("GET /chunked HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", false);
        assertEquals(200, answer.status());
        assertEquals("first,second", answer.body());
    }

    @Test
    void shouldReadOnlyTheHeadOfAHeadAnswerAndOfAnEventStream() {
        assertEquals("", send("HEAD /fixed HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", true).body());
        HttpAnswer stream = send("GET /events HTTP/1.1\r\nHost: x\r\n\r\n", false);
        assertEquals(200, stream.status());
        assertEquals("", stream.body());
        assertTrue(stream.millis() < 4000, stream.millis() + " ms");
    }

    @Test
    void shouldReadAnAnswerSentBeforeTheBodyWasRead() throws IOException {
        try (ServerSocket early = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread answer = new Thread(() -> {
                try (Socket client = early.accept()) {
                    client.getInputStream().readNBytes(64);
                    client.getOutputStream().write(("HTTP/1.1 401 Unauthorized\r\nContent-Type: application/problem+json"
                            + "\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}").getBytes(StandardCharsets.US_ASCII));
                } catch (IOException ignored) {
                    // the test fails on the answer it reads
                }
            });
            answer.start();
            byte[] huge = ("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 8000000\r\n\r\n" + "x".repeat(8_000_000))
                    .getBytes(StandardCharsets.US_ASCII);

            HttpAnswer refused = RawHttp.exchange(early.getLocalPort(), huge, false, Duration.ofSeconds(5));

            assertEquals(401, refused.status(), String.valueOf(refused.failure()));
        }
    }

    @Test
    void shouldReportNoAnswerWhenNothingListens() {
        server.stop(0);
        assertEquals(HttpAnswer.NO_ANSWER, send("GET / HTTP/1.1\r\n\r\n", false).status());
    }
}
