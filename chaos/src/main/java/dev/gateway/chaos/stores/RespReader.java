package dev.gateway.chaos.stores;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one RESP2 reply: simple strings and bulk strings as {@link String}, integers as {@link Long}, arrays
 * as {@link List}, nil as null; an error reply throws {@link RespError}.
 */
final class RespReader {

    private final InputStream in;

    RespReader(InputStream in) {
        this.in = in;
    }

    Object read() throws IOException {
        int type = in.read();
        if (type < 0) {
            throw new EOFException("connection closed by Redis");
        }
        String line = line();
        switch (type) {
            case '+':
                return line;
            case '-':
                throw new RespError(line);
            case ':':
                return Long.parseLong(line);
            case '$':
                return bulk(Integer.parseInt(line));
            case '*':
                return array(Integer.parseInt(line));
            default:
                throw new IOException("unexpected RESP type '" + (char) type + "'");
        }
    }

    private String bulk(int length) throws IOException {
        if (length < 0) {
            return null;
        }
        byte[] bytes = in.readNBytes(length);
        if (bytes.length < length) {
            throw new EOFException("bulk string cut short");
        }
        line();
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private List<Object> array(int count) throws IOException {
        if (count < 0) {
            return null;
        }
        List<Object> items = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            items.add(read());
        }
        return items;
    }

    private String line() throws IOException {
        StringBuilder sb = new StringBuilder();
        while (true) {
            int c = in.read();
            if (c < 0) {
                throw new EOFException("line cut short");
            }
            if (c == '\r') {
                in.read();
                return sb.toString();
            }
            sb.append((char) c);
        }
    }

    /** An error reply from Redis. */
    static final class RespError extends RuntimeException {
        RespError(String message) {
            super(message);
        }
    }
}
