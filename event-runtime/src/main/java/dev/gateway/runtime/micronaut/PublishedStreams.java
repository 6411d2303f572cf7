package dev.gateway.runtime.micronaut;

import dev.gateway.events.Stream;

import java.util.EnumSet;
import java.util.Set;

/** A bean naming the streams a service publishes to, so they are declared (and re-declared) by its runtime. */
public record PublishedStreams(Set<Stream> streams) {

    public static PublishedStreams of(Stream first, Stream... more) {
        return new PublishedStreams(EnumSet.of(first, more));
    }
}
