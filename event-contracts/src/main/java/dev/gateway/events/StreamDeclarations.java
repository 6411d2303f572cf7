package dev.gateway.events;

import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import io.nats.client.api.StreamInfo;

import java.io.IOException;
import java.time.Duration;
import java.util.HashSet;

/**
 * Creates or updates the JetStream streams of DESIGN.md §5 under their upper-case names. Every service
 * that publishes or consumes calls this before its first publish or subscription, so start order does
 * not matter and two services declaring at once converge on the same settings. (micronaut-nats can only
 * name a configured stream after its lower-cased property key, hence the declaration in code.)
 */
public final class StreamDeclarations {

    /** JetStream drops a second publish with the same {@code Nats-Msg-Id} within this window. */
    public static final Duration DUPLICATE_WINDOW = Duration.ofMinutes(2);
    /** How long lifecycle, provisioning and route events are kept; reconcilers cover anything older. */
    public static final Duration EVENT_RETENTION = Duration.ofDays(7);
    /** Dead letters wait longer for an operator. */
    public static final Duration DEAD_LETTER_RETENTION = Duration.ofDays(30);

    private StreamDeclarations() {
    }

    /** Declares every stream on the connection's server; idempotent. Fails with {@link IllegalStateException}. */
    public static void declareAll(Connection connection) {
        try {
            JetStreamManagement management = connection.jetStreamManagement();
            for (Stream stream : Stream.values()) {
                declare(management, configuration(stream));
            }
        } catch (IOException | JetStreamApiException e) {
            throw new IllegalStateException("JetStream streams could not be declared: " + e.getMessage(), e);
        }
    }

    /** The settings a stream is declared with. */
    public static StreamConfiguration configuration(Stream stream) {
        return StreamConfiguration.builder()
                .name(stream.name())
                .subjects(stream.subjects())
                .storageType(StorageType.File)
                .duplicateWindow(DUPLICATE_WINDOW)
                .maxAge(stream == Stream.DEADLETTER ? DEAD_LETTER_RETENTION : EVENT_RETENTION)
                .build();
    }

    private static void declare(JetStreamManagement management, StreamConfiguration wanted)
            throws IOException, JetStreamApiException {
        StreamInfo current = find(management, wanted.getName());
        if (current == null) {
            try {
                management.addStream(wanted);
                return;
            } catch (JetStreamApiException raced) {
                current = find(management, wanted.getName());
                if (current == null) {
                    throw raced;
                }
            }
        }
        if (!sameSettings(current.getConfiguration(), wanted)) {
            management.updateStream(wanted);
        }
    }

    private static StreamInfo find(JetStreamManagement management, String name) throws IOException, JetStreamApiException {
        return management.getStreamNames().contains(name) ? management.getStreamInfo(name) : null;
    }

    private static boolean sameSettings(StreamConfiguration current, StreamConfiguration wanted) {
        return new HashSet<>(current.getSubjects()).equals(new HashSet<>(wanted.getSubjects()))
                && current.getDuplicateWindow().equals(wanted.getDuplicateWindow())
                && current.getMaxAge().equals(wanted.getMaxAge());
    }
}
