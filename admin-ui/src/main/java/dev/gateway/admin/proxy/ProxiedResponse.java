package dev.gateway.admin.proxy;

import dev.gateway.problems.Problem;
import dev.gateway.problems.ProblemTypes;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import reactor.adapter.JdkFlowAdapter;
import reactor.core.publisher.Flux;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Flow;
import java.util.function.Predicate;

/**
 * An upstream's answer for the caller: same status, end-to-end headers and body, streamed as it
 * arrives (the server frames it, so the upstream's Content-Length stays behind). An error answer
 * that is not a problem (a framework's HTML page) becomes one. The server closes the caller's
 * connection afterwards only for a Connection value of exactly {@code close}, so a {@code close}
 * inside a list ({@code close, X-Foo}) is restated on its own.
 */
final class ProxiedResponse {

    private ProxiedResponse() {
    }

    static MutableHttpResponse<?> of(HttpRequest<?> request, Upstream target,
                                     java.net.http.HttpResponse<Flow.Publisher<List<ByteBuffer>>> upstream) {
        MutableHttpResponse<Object> response = HttpResponse.ok().status(upstream.statusCode());
        Predicate<String> forwarded = HopByHopHeaders.endToEnd(upstream.headers().allValues(HttpHeaders.CONNECTION))
                .and(name -> !name.equalsIgnoreCase(HttpHeaders.CONTENT_LENGTH));
        upstream.headers().map().forEach((name, values) -> {
            if (forwarded.test(name)) {
                values.forEach(value -> response.getHeaders().add(name, value));
            }
        });
        if (HopByHopHeaders.close(request.getHeaders().getAll(HttpHeaders.CONNECTION))) {
            response.header(HttpHeaders.CONNECTION, "close");
        }
        if (upstream.statusCode() >= 400 && !isProblem(upstream)) {
            body(upstream).subscribe().dispose(); // never read: cancelling closes that upstream connection
            return response.contentType(Problem.CONTENT_TYPE).body(problem(target, upstream.statusCode()));
        }
        return response.body(body(upstream));
    }

    static Flux<byte[]> body(java.net.http.HttpResponse<Flow.Publisher<List<ByteBuffer>>> upstream) {
        return JdkFlowAdapter.flowPublisherToFlux(upstream.body()).map(ProxiedResponse::bytes);
    }

    private static boolean isProblem(java.net.http.HttpResponse<?> upstream) {
        return upstream.headers().firstValue(HttpHeaders.CONTENT_TYPE)
                .map(type -> type.toLowerCase(Locale.ROOT).startsWith(Problem.CONTENT_TYPE))
                .orElse(false);
    }

    private static Problem problem(Upstream target, int status) {
        String reason = HttpStatus.getDefaultReason(status);
        return Problem.of(status, ProblemTypes.standardSlugFor(status), reason,
                "The " + target.name() + " service answered " + status + " " + reason + " without a problem body");
    }

    private static byte[] bytes(List<ByteBuffer> buffers) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (ByteBuffer buffer : buffers) {
            byte[] chunk = new byte[buffer.remaining()];
            buffer.get(chunk);
            out.writeBytes(chunk);
        }
        return out.toByteArray();
    }
}
