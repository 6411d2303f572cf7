package dev.gateway.chaos.stores;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A minimal blocking Redis client for checks: one socket, bounded by a timeout, no reconnects (a store the
 * suite has just killed must fail fast, not be retried behind its back).
 */
public final class Resp implements AutoCloseable {

    private final Socket socket;
    private final OutputStream out;
    private final RespReader reader;

    private Resp(Socket socket) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.reader = new RespReader(new BufferedInputStream(socket.getInputStream()));
    }

    public static Resp connect(int port, Duration timeout) {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress("127.0.0.1", port), (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            return new Resp(socket);
        } catch (IOException e) {
            closeQuietly(socket);
            throw new UncheckedIOException("Redis :" + port + ": " + e.getMessage(), e);
        }
    }

    public Object call(String... args) {
        try {
            out.write(encode(args));
            out.flush();
            return reader.read();
        } catch (IOException e) {
            throw new UncheckedIOException("Redis " + args[0] + ": " + e.getMessage(), e);
        }
    }

    /** Every key matching {@code pattern} (SCAN, so the server is never blocked). */
    public List<String> scan(String pattern) {
        List<String> keys = new ArrayList<>();
        String cursor = "0";
        do {
            List<?> reply = (List<?>) call("SCAN", cursor, "MATCH", pattern, "COUNT", "1000");
            cursor = (String) reply.get(0);
            for (Object key : (List<?>) reply.get(1)) {
                keys.add((String) key);
            }
        } while (!"0".equals(cursor));
        return keys;
    }

    public Map<String, String> hgetall(String key) {
        List<?> reply = (List<?>) call("HGETALL", key);
        Map<String, String> hash = new LinkedHashMap<>();
        for (int i = 0; i + 1 < reply.size(); i += 2) {
            hash.put((String) reply.get(i), (String) reply.get(i + 1));
        }
        return hash;
    }

    public String get(String key) {
        return (String) call("GET", key);
    }

    static byte[] encode(String... args) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        buffer.writeBytes(("*" + args.length + "\r\n").getBytes(StandardCharsets.UTF_8));
        for (String arg : args) {
            byte[] bytes = arg.getBytes(StandardCharsets.UTF_8);
            buffer.writeBytes(("$" + bytes.length + "\r\n").getBytes(StandardCharsets.UTF_8));
            buffer.writeBytes(bytes);
            buffer.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        return buffer.toByteArray();
    }

    @Override
    public void close() {
        closeQuietly(socket);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // nothing left to release
        }
    }
}
