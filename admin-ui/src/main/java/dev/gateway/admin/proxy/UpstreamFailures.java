package dev.gateway.admin.proxy;

import dev.gateway.problems.Problem;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;

/**
 * A failed upstream exchange as the caller's answer. When the caller's own body failed, a body over
 * the size limit is the framework's 413 and a body cut short a 400; anything else is the upstream's
 * failure: logged, counted, and a 504 problem when it did not start its answer in time, else a 502.
 */
@Singleton
public class UpstreamFailures {

    private static final Logger LOG = LoggerFactory.getLogger(UpstreamFailures.class);

    private final MeterRegistry meters;

    public UpstreamFailures(MeterRegistry meters) {
        this.meters = meters;
    }

    Mono<MutableHttpResponse<?>> answer(Upstream upstream, Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ProxiedRequest.BodyFailure body) {
                return body.getCause() instanceof ContentLengthExceededException tooLarge ? Mono.error(tooLarge)
                        : Mono.just(Problem.of(400, "validation", "Incomplete body",
                                "The request body was cut short: " + body.getCause().getMessage()).response());
            }
        }
        LOG.warn("upstream {} at {} failed: {}", upstream.name(), upstream.url(), e.toString());
        meters.counter("gateway.admin.proxy.upstream.errors", "upstream", upstream.name()).increment();
        boolean timedOut = e instanceof HttpTimeoutException && !(e instanceof HttpConnectTimeoutException);
        return Mono.just(timedOut
                ? Problem.of(504, "upstream-timeout", "Upstream timeout",
                        "The " + upstream.name() + " service did not answer in time; try again later.").response()
                : Problem.of(502, "upstream-unavailable", "Upstream unavailable",
                        "The " + upstream.name() + " service did not answer; try again when it is running.").response());
    }
}
