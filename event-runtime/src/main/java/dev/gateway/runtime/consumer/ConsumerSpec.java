package dev.gateway.runtime.consumer;

import dev.gateway.events.EventType;
import dev.gateway.events.Stream;

import java.util.Arrays;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a service consumes: its name, the stream, the subjects, the event types its handler wants, and the
 * handler. How the consumer behaves (lanes, acks, retries) is {@link ConsumerSettings}, shared by all.
 *
 * @param service         the consuming service, first part of the durable name
 * @param stream          the stream consumed
 * @param filterSubject   subjects delivered, e.g. {@code provisioning.>}
 * @param types           envelope types handed to the handler; others are acknowledged and counted as ignored
 * @param handler         the service's reaction
 * @param settingsVersion bumped whenever server-side consumer settings change (a durable cannot be modified)
 * @param lanes           parallel tenant lanes for this consumer; 0 takes {@link ConsumerSettings#lanes()}
 * @param batchSize       most events a {@link BatchEventHandler} gets at once; 1 hands every event on its own
 */
public record ConsumerSpec(String service, Stream stream, String filterSubject, Set<String> types,
                           EventHandler handler, int settingsVersion, int lanes, int batchSize) {

    public ConsumerSpec {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(handler, "handler");
        if (!stream.subjects().contains(filterSubject)
                && stream.subjects().stream().noneMatch(s -> filterSubject.startsWith(s.substring(0, s.length() - 1)))) {
            throw new IllegalArgumentException(filterSubject + " is not captured by stream " + stream);
        }
        if (batchSize < 1 || batchSize > 1 && !(handler instanceof BatchEventHandler)) {
            throw new IllegalArgumentException("a batch size above 1 needs a BatchEventHandler, at least 1 otherwise");
        }
        types = Set.copyOf(types);
    }

    /** A consumer of every subject of {@code stream}'s first filter, for the given event types. */
    public static ConsumerSpec of(String service, Stream stream, String filterSubject, EventHandler handler,
                                  EventType... types) {
        return new ConsumerSpec(service, stream, filterSubject,
                Arrays.stream(types).map(EventType::subject).collect(Collectors.toSet()), handler, 1, 0, 1);
    }

    public ConsumerSpec withSettingsVersion(int version) {
        return new ConsumerSpec(service, stream, filterSubject, types, handler, version, lanes, batchSize);
    }

    public ConsumerSpec withLanes(int count) {
        return new ConsumerSpec(service, stream, filterSubject, types, handler, settingsVersion, count, batchSize);
    }

    /** Hands the handler (a {@link BatchEventHandler}) up to {@code size} events of a lane at once. */
    public ConsumerSpec withBatchSize(int size) {
        return new ConsumerSpec(service, stream, filterSubject, types, handler, settingsVersion, lanes, size);
    }

    /** The durable name of DESIGN §5, plus the settings version. */
    public String durable() {
        return stream.durable(service, settingsVersion);
    }

    boolean wants(String type) {
        return types.contains(type);
    }
}
