package dev.gateway.app.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One HTTP/1.1 request sent from a loopback address of the test's choosing (any 127.x.y.z reaches the
 * gateway on Linux), so that a test can be a client the gateway has never seen, without a proxy header.
 */
public final class Loopback {

    private Loopback() {
    }

    public static String randomAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "127." + random.nextInt(1, 255) + "." + random.nextInt(0, 256) + "." + random.nextInt(2, 255);
    }

    public static Api.Reply post(URI server, String from, String path, String json, String... headers) {
        return send(server, from, "POST", path, json, headers);
    }

    /** The request line as given: a path the JDK's client would refuse or rewrite (e.g. "//x") goes out as it is. */
    public static Api.Reply send(URI server, String from, String method, String path, String json, String... headers) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        StringBuilder request = new StringBuilder(method + " " + path + " HTTP/1.1\r\n"
                + (List.of(headers).contains("Host") ? "" : "Host: localhost\r\n")
                + "Content-Type: application/json\r\nConnection: close\r\nContent-Length: " + body.length + "\r\n");
        for (int i = 0; i < headers.length; i += 2) {
            request.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
        }
        request.append("\r\n");
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
            socket.connect(new InetSocketAddress("127.0.0.1", server.getPort()), 5000);
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            return parse(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Api.Reply parse(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        in.transferTo(all);
        String text = all.toString(StandardCharsets.UTF_8);
        int end = text.indexOf("\r\n\r\n");
        String[] head = text.substring(0, end).split("\r\n");
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 1; i < head.length; i++) {
            int colon = head[i].indexOf(':');
            headers.computeIfAbsent(head[i].substring(0, colon).trim(), k -> new ArrayList<>())
                    .add(head[i].substring(colon + 1).trim());
        }
        return new Api.Reply(Integer.parseInt(head[0].split(" ")[1]), HttpHeaders.of(headers, (k, v) -> true),
                text.substring(end + 4));
    }
}
