package dev.gateway.app.outbox;

import dev.gateway.events.Stream;
import dev.gateway.runtime.micronaut.PublishedStreams;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** The streams this gateway publishes to, declared by the event runtime (MAIL is the registry's mailer's). */
@Factory
class PublishedEventStreams {

    @Singleton
    PublishedStreams published() {
        return PublishedStreams.of(Stream.ACTIVITY, Stream.USAGE);
    }
}
