package dev.gateway.chaos.client;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/**
 * HTTP/1.1 over a plain socket, one request per connection: sends exactly the bytes it is given (any Host, any
 * header value, any method or request target), which the JDK client refuses to. Reads the status, Content-Type and
 * body (Content-Length, chunked or up to the close); for an event stream only the head, since it never ends.
 */
public final class RawHttp {

    /** Bodies are read up to this size; the rest is not kept. */
    static final int MAX_BODY = 2 << 20;
    private static final int MAX_HEAD = 64 << 10;

    private RawHttp() {
    }

    /** Sends {@code request} (a complete HTTP/1.1 message; {@code headRequest} for HEAD) to 127.0.0.1:{@code port}. */
    public static HttpAnswer exchange(int port, byte[] request, boolean headRequest, Duration timeout) {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), (int) Math.min(timeout.toMillis(), 2000));
            socket.setSoTimeout((int) timeout.toMillis());
            send(socket.getOutputStream(), request);
            Reader in = new Reader(new BufferedInputStream(socket.getInputStream()), deadline);
            String[] head = in.head().split("\r\n");
            String[] statusLine = head[0].split(" ", 3);
            int status = Integer.parseInt(statusLine[1]);
            String contentType = header(head, "content-type");
            String body = "";
            boolean eventStream = contentType != null && contentType.startsWith("text/event-stream");
            if (!headRequest && !eventStream && status >= 200 && status != 204 && status != 304) {
                body = new String(in.body(header(head, "transfer-encoding"), header(head, "content-length")),
                        StandardCharsets.UTF_8);
            }
            return new HttpAnswer(status, contentType, body, elapsed(start), null);
        } catch (SocketTimeoutException e) {
            return new HttpAnswer(HttpAnswer.TIMED_OUT, null, null, elapsed(start),
                    "no answer in " + timeout.toMillis() + " ms");
        } catch (IOException | RuntimeException e) {
            return new HttpAnswer(HttpAnswer.NO_ANSWER, null, null, elapsed(start), e.toString());
        }
    }

    /**
     * A server may answer before it has read a large body (a refused token, an unknown path) and close: the write
     * then fails, but the answer is waiting to be read.
     */
    private static void send(OutputStream out, byte[] request) {
        try {
            out.write(request);
            out.flush();
        } catch (IOException answeredEarly) {
            // read what the server said below; no answer there is reported as such
        }
    }

    private static String header(String[] head, String name) {
        for (int i = 1; i < head.length; i++) {
            int colon = head[i].indexOf(':');
            if (colon > 0 && head[i].substring(0, colon).trim().toLowerCase(Locale.ROOT).equals(name)) {
                return head[i].substring(colon + 1).trim();
            }
        }
        return null;
    }

    private static long elapsed(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** The answer's bytes: the head up to the blank line, then the body in the framing the head announced. */
    private static final class Reader {
        private final InputStream in;
        private final long deadline;

        Reader(InputStream in, long deadline) {
            this.in = in;
            this.deadline = deadline;
        }

        String head() throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            int matched = 0;
            while (matched < 4) {
                int b = read();
                if (b < 0 || head.size() > MAX_HEAD) {
                    throw new IOException("answer head cut short after " + head.size() + " bytes");
                }
                head.write(b);
                matched = b == (matched % 2 == 0 ? '\r' : '\n') ? matched + 1 : (b == '\r' ? 1 : 0);
            }
            return head.toString(StandardCharsets.ISO_8859_1);
        }

        byte[] body(String transferEncoding, String contentLength) throws IOException {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            if (transferEncoding != null && transferEncoding.toLowerCase(Locale.ROOT).contains("chunked")) {
                for (long size = chunkSize(); size > 0; size = chunkSize()) {
                    copy(body, size);
                    line();
                }
            } else if (contentLength != null) {
                copy(body, Long.parseLong(contentLength));
            } else {
                copy(body, Long.MAX_VALUE);
            }
            return body.toByteArray();
        }

        private long chunkSize() throws IOException {
            String size = line();
            int extension = size.indexOf(';');
            return Long.parseLong((extension < 0 ? size : size.substring(0, extension)).trim(), 16);
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder();
            for (int b = read(); b != '\n'; b = read()) {
                if (b < 0) {
                    throw new IOException("chunked body cut short");
                }
                if (b != '\r') {
                    line.append((char) b);
                }
            }
            return line.toString();
        }

        /** Up to {@code length} bytes or the end of the stream, keeping at most {@link #MAX_BODY}. */
        private void copy(ByteArrayOutputStream to, long length) throws IOException {
            byte[] buffer = new byte[8192];
            long left = length;
            while (left > 0) {
                checkDeadline();
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (n < 0) {
                    return;
                }
                if (to.size() < MAX_BODY) {
                    to.write(buffer, 0, n);
                }
                left -= n;
            }
        }

        private int read() throws IOException {
            checkDeadline();
            return in.read();
        }

        private void checkDeadline() throws SocketTimeoutException {
            if (System.nanoTime() > deadline) {
                throw new SocketTimeoutException("answer not complete in time");
            }
        }
    }
}
