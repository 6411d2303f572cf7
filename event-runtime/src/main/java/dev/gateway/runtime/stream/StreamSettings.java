package dev.gateway.runtime.stream;

import dev.gateway.events.Stream;
import io.nats.client.api.RetentionPolicy;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;

import java.time.Duration;
import java.util.HashSet;

/**
 * How the platform's streams are declared; from configuration, so a 3-node NATS cluster is
 * {@code replicas: 3} and nothing else.
 *
 * @param replicas          copies of each stream (1 on a single server, 3 on a cluster)
 * @param maxAge            how long events are kept; reconcilers and safety nets cover anything older
 * @param deadLetterMaxAge  dead letters wait longer for an operator
 * @param duplicateWindow   JetStream drops a second publish with the same {@code Nats-Msg-Id} within it
 * <p>
 * MAIL keeps a message only while a durable still has to acknowledge it (interest retention): mail requests may
 * carry single-use links, which must not wait in the stream once sent. Every other stream keeps events for
 * {@code maxAge}, for consumers that come later.
 */
public record StreamSettings(int replicas, Duration maxAge, Duration deadLetterMaxAge, Duration duplicateWindow) {

    public StreamSettings {
        if (replicas < 1 || replicas > 5) {
            throw new IllegalArgumentException("stream replicas must be 1..5, got " + replicas);
        }
    }

    public static StreamSettings defaults() {
        return new StreamSettings(1, Duration.ofDays(7), Duration.ofDays(30), Duration.ofMinutes(2));
    }

    public StreamConfiguration configuration(Stream stream) {
        return StreamConfiguration.builder()
                .name(stream.name())
                .subjects(stream.subjects())
                .storageType(StorageType.File)
                .replicas(replicas)
                .duplicateWindow(duplicateWindow)
                .maxAge(stream == Stream.DEADLETTER ? deadLetterMaxAge : maxAge)
                .retentionPolicy(stream == Stream.MAIL ? RetentionPolicy.Interest : RetentionPolicy.Limits)
                .build();
    }

    static boolean same(StreamConfiguration current, StreamConfiguration wanted) {
        return new HashSet<>(current.getSubjects()).equals(new HashSet<>(wanted.getSubjects()))
                && current.getReplicas() == wanted.getReplicas()
                && current.getDuplicateWindow().equals(wanted.getDuplicateWindow())
                && current.getMaxAge().equals(wanted.getMaxAge())
                && current.getRetentionPolicy() == wanted.getRetentionPolicy();
    }
}
