package dev.gateway.runtime.stream;

import dev.gateway.events.Stream;
import dev.gateway.runtime.health.ComponentHealth;
import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.api.StreamConfiguration;
import io.nats.client.api.StreamInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Keeps the streams a service needs declared: at start, after every reconnect and on a timer. A broker that
 * comes back without its store (or an operator deleting a stream) is noticed by the next check; the streams
 * are declared again and the listeners hear which ones had to be re-created, so they can re-drive work that
 * was in the lost streams. Declaring is idempotent, so every service may declare the streams it touches.
 */
public final class StreamKeeper {

    private static final Logger LOG = LoggerFactory.getLogger(StreamKeeper.class);

    private final Connection connection;
    private final StreamSettings settings;
    private final Set<Stream> required = EnumSet.noneOf(Stream.class);
    private final List<Consumer<Set<Stream>>> recreatedListeners = new CopyOnWriteArrayList<>();
    private boolean declaredOnce;
    private volatile String lastError;
    private volatile Instant lastCheck;
    private volatile Instant lastAnswer = Instant.now();

    public StreamKeeper(Connection connection, StreamSettings settings) {
        this.connection = connection;
        this.settings = settings;
    }

    public synchronized void require(Set<Stream> streams) {
        required.addAll(streams);
    }

    public synchronized Set<Stream> required() {
        Set<Stream> copy = EnumSet.noneOf(Stream.class);
        copy.addAll(required);
        return copy;
    }

    /** Called with the streams that existed once and had to be created again. */
    public void onRecreated(Consumer<Set<Stream>> listener) {
        recreatedListeners.add(listener);
    }

    /**
     * Creates every required stream that is missing; the first call also brings existing streams to the
     * configured settings. Throws when the broker cannot be asked; returns the streams it had to create.
     */
    public Set<Stream> declare() throws IOException, JetStreamApiException {
        Set<Stream> created = EnumSet.noneOf(Stream.class);
        boolean reset;
        synchronized (this) {
            JetStreamManagement management = connection.jetStreamManagement();
            List<String> existing = management.getStreamNames();
            for (Stream stream : required) {
                if (declare(management, existing, settings.configuration(stream), !declaredOnce)) {
                    created.add(stream);
                }
            }
            reset = declaredOnce && !created.isEmpty();
            declaredOnce = true;
            lastError = null;
            lastCheck = Instant.now();
            lastAnswer = lastCheck;
        }
        if (reset) {
            LOG.warn("streams {} were missing on the broker and have been declared again", created);
            recreatedListeners.forEach(l -> l.accept(created));
        }
        return created;
    }

    /** {@link #declare()} for timers and reconnects: failures are recorded for health, not thrown. */
    public void check() {
        try {
            declare();
        } catch (IOException | JetStreamApiException | RuntimeException e) {
            lastError = e.getClass().getSimpleName() + ": " + e.getMessage();
            LOG.debug("stream check failed: {}", lastError);
        }
    }

    /** When the broker last answered a check (creation time before the first). */
    public Instant lastAnswer() {
        return lastAnswer;
    }

    public ComponentHealth health() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("required", new ArrayList<>(required()));
        details.put("connection", connection.getStatus().name());
        if (lastCheck != null) {
            details.put("last_check", lastCheck.toString());
        }
        if (lastError != null) {
            details.put("last_error", lastError);
        }
        return new ComponentHealth("streams", lastError == null && declaredOnce, details);
    }

    private static boolean declare(JetStreamManagement management, List<String> existing, StreamConfiguration wanted,
                                   boolean compareSettings) throws IOException, JetStreamApiException {
        if (!existing.contains(wanted.getName())) {
            try {
                management.addStream(wanted);
                LOG.info("declared stream {} {}", wanted.getName(), wanted.getSubjects());
                return true;
            } catch (JetStreamApiException raced) {
                if (!management.getStreamNames().contains(wanted.getName())) {
                    throw raced;
                }
            }
        }
        if (!compareSettings) {
            return false;
        }
        StreamInfo current = management.getStreamInfo(wanted.getName());
        if (current.getConfiguration().getRetentionPolicy() != wanted.getRetentionPolicy()) {
            replaceEmpty(management, current, wanted);
        } else if (!StreamSettings.same(current.getConfiguration(), wanted)) {
            management.updateStream(wanted);
            LOG.info("updated stream {} to {} replicas, max age {}, duplicate window {}", wanted.getName(),
                    wanted.getReplicas(), wanted.getMaxAge(), wanted.getDuplicateWindow());
        }
        return false;
    }

    /**
     * A stream's retention cannot be changed in place (nats-server 2.9). An empty stream is declared anew; one
     * holding messages is left alone and reported, since re-creating it would lose them.
     */
    private static void replaceEmpty(JetStreamManagement management, StreamInfo current, StreamConfiguration wanted)
            throws IOException, JetStreamApiException {
        if (current.getStreamState().getMsgCount() > 0) {
            throw new IllegalStateException("stream " + wanted.getName() + " has retention "
                    + current.getConfiguration().getRetentionPolicy() + " instead of " + wanted.getRetentionPolicy()
                    + " and holds " + current.getStreamState().getMsgCount() + " messages: consume them, then delete it");
        }
        management.deleteStream(wanted.getName());
        management.addStream(wanted);
        LOG.info("declared empty stream {} again with retention {}", wanted.getName(), wanted.getRetentionPolicy());
    }
}
