package dev.gateway.admin.proxy;

import dev.gateway.admin.http.Problems;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** An upstream that did not answer: logged, counted, and a 502 problem for the caller. */
@Singleton
public class UpstreamFailures {

    private static final Logger LOG = LoggerFactory.getLogger(UpstreamFailures.class);

    private final MeterRegistry meters;

    public UpstreamFailures(MeterRegistry meters) {
        this.meters = meters;
    }

    MutableHttpResponse<?> unavailable(Upstream upstream, Throwable e) {
        LOG.warn("upstream {} at {} unavailable: {}", upstream.name(), upstream.url(), e.toString());
        meters.counter("gateway.admin.proxy.upstream.errors", "upstream", upstream.name()).increment();
        return Problems.response(HttpStatus.BAD_GATEWAY, "upstream-unavailable", "Upstream unavailable",
                "The " + upstream.name() + " service did not answer; try again when it is running.");
    }
}
