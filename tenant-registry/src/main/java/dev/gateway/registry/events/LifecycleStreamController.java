package dev.gateway.registry.events;

import dev.gateway.registry.auth.Roles;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.sse.Event;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/**
 * Live lifecycle events for the admin UI: each committed event as an unnamed SSE message (data = the DESIGN.md
 * §5 envelope, id = event id), plus a named {@code heartbeat} event every 15 s that keeps proxies from closing
 * the stream. EventSource cannot send headers, so {@code ?access_token=} is accepted here. The stream ends when
 * the token that opened it expires: the client has to come back with a valid one.
 */
@Controller("/api/gateway/events")
@Secured({Roles.ADMIN, Roles.VIEWER, Roles.SERVICE})
public class LifecycleStreamController {

    private static final Duration HEARTBEAT = Duration.ofSeconds(15);

    private final LifecycleBroadcaster broadcaster;

    public LifecycleStreamController(LifecycleBroadcaster broadcaster) {
        this.broadcaster = broadcaster;
    }

    @Get(produces = MediaType.TEXT_EVENT_STREAM)
    public Publisher<Event<String>> stream(Authentication auth) {
        Flux<Event<String>> events = broadcaster.events().map(e -> Event.of(e.json()).id(e.id()));
        Flux<Event<String>> heartbeats = Flux.interval(HEARTBEAT)
                .map(i -> Event.of("{\"at\":\"" + Instant.now() + "\"}").name("heartbeat"));
        return Flux.merge(Flux.just(Event.of("{\"at\":\"" + Instant.now() + "\"}").name("heartbeat")),
                events, heartbeats).take(untilExpiry(auth));
    }

    /** A token without an expiry is not one this registry issued: its stream ends at once. */
    private static Duration untilExpiry(Authentication auth) {
        Object exp = auth.getAttributes().get("exp");
        Instant expiry = exp instanceof Date date ? date.toInstant()
                : exp instanceof Number seconds ? Instant.ofEpochSecond(seconds.longValue())
                : exp instanceof Instant instant ? instant : Instant.now();
        Duration left = Duration.between(Instant.now(), expiry);
        return left.isNegative() ? Duration.ZERO : left;
    }
}
