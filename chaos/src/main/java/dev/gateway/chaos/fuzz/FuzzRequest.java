package dev.gateway.chaos.fuzz;

import dev.gateway.chaos.platform.Service;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One generated request: number {@code index} of its seed, for one service's public port. {@code target} is the
 * raw request target (path and query, sent as is), {@code body} null for none.
 */
public record FuzzRequest(int index, Service service, String method, String target, List<Header> headers,
                          byte[] body) {

    public record Header(String name, String value) {
    }

    public FuzzRequest {
        headers = List.copyOf(headers);
    }

    public String bodyText() {
        return body == null ? "" : new String(body, StandardCharsets.UTF_8);
    }

    /** The message as sent: request line, headers, {@code Connection: close}, the body's length, the body. */
    public byte[] wire() {
        StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n");
        headers.forEach(h -> head.append(h.name()).append(": ").append(h.value()).append("\r\n"));
        head.append("Connection: close\r\n");
        if (body != null) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
        if (body != null) {
            out.writeBytes(body);
        }
        return out.toByteArray();
    }

    /** For a report: method, port, target, headers and the start of the body, the fixture's tokens named. */
    public String describe(FuzzFixture fixture) {
        String shownHeaders = headers.stream().map(h -> h.name() + ": " + Excerpt.of(fixture.redact(h.value()), 60))
                .collect(Collectors.joining("; "));
        return "#" + index + " " + method + " " + service.module() + " " + Excerpt.of(fixture.redact(target), 160)
                + " {" + shownHeaders
                + "}" + (body == null ? "" : " body(" + body.length + " B) " + Excerpt.of(bodyText(), 120));
    }
}
