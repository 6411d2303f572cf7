package dev.gateway.runtime.consumer;

import dev.gateway.runtime.stream.StreamKeeper;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.JetStreamSubscription;
import io.nats.client.MessageHandler;
import io.nats.client.PushSubscribeOptions;
import io.nats.client.api.ConsumerInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.time.ZonedDateTime;

/**
 * The broker side of a durable consumer: the durable exists and this instance is subscribed to it. Checked on a
 * timer and after reconnects; when the broker lost the durable (restarted without its store, a deleted stream),
 * stream and durable are declared again, starting at the newest event this instance had seen.
 */
final class DurableSubscription {

    static final int CONSUMER_NOT_FOUND = 10014;
    static final int STREAM_NOT_FOUND = 10059;
    private static final Logger LOG = LoggerFactory.getLogger(DurableSubscription.class);
    /** Clock differences between this host and the broker must not make a re-created durable skip events. */
    private static final Duration RESUME_MARGIN = Duration.ofSeconds(5);

    private final Connection connection;
    private final StreamKeeper streams;
    private final String stream;
    private final String durable;
    private final String filterSubject;
    private final ConsumerSettings settings;
    private final MessageHandler deliveries;
    private Dispatcher dispatcher;
    private JetStreamSubscription subscription;
    private volatile ZonedDateTime newestSeen;
    private volatile ZonedDateTime listeningSince;
    private volatile String problem = "not started";
    private boolean closed;

    DurableSubscription(Connection connection, StreamKeeper streams, String stream, String durable,
                        String filterSubject, ConsumerSettings settings, MessageHandler deliveries) {
        this.connection = connection;
        this.streams = streams;
        this.stream = stream;
        this.durable = durable;
        this.filterSubject = filterSubject;
        this.settings = settings;
        this.deliveries = deliveries;
    }

    synchronized void start() throws IOException, JetStreamApiException {
        ensureDurable(ConsumerStart.forNew(settings.startNewDurable()));
        subscribe();
        problem = null;
    }

    /** Returns the durable's state on the server, or null when it could not be read (the problem says why). */
    synchronized ConsumerInfo check() {
        if (closed) {
            return null;
        }
        try {
            ConsumerInfo info = management().getConsumerInfo(stream, durable);
            if (subscription == null || !subscription.isActive()) {
                subscribe();
            }
            problem = null;
            return info;
        } catch (JetStreamApiException e) {
            if (e.getApiErrorCode() == CONSUMER_NOT_FOUND || e.getApiErrorCode() == STREAM_NOT_FOUND) {
                recover();
            } else {
                problem = "broker refused: " + e.getMessage();
            }
        } catch (IOException | RuntimeException e) {
            problem = "broker unreachable: " + e.getMessage();
        }
        return null;
    }

    void seen(ZonedDateTime streamTime) {
        if (newestSeen == null || streamTime.isAfter(newestSeen)) {
            newestSeen = streamTime;
        }
    }

    String problem() {
        return problem;
    }

    /** Stops deliveries to this instance; a temporary durable is deleted from the broker. */
    synchronized void close() {
        closed = true;
        if (dispatcher != null) {
            connection.closeDispatcher(dispatcher);
        }
    }

    void deleteDurable() {
        try {
            management().deleteConsumer(stream, durable);
        } catch (IOException | JetStreamApiException e) {
            LOG.debug("temporary durable {} not deleted: {}", durable, e.getMessage());
        }
    }

    private void recover() {
        ZonedDateTime resumeFrom = newestSeen != null ? newestSeen : listeningSince;
        ConsumerStart start = resumeFrom == null ? ConsumerStart.forNew(settings.startNewDurable())
                : ConsumerStart.at(resumeFrom.minus(RESUME_MARGIN));
        LOG.warn("durable {} is missing on the broker; declaring it again ({})", durable, start);
        try {
            streams.declare();
            ensureDurable(start);
            subscribe();
            problem = null;
        } catch (IOException | JetStreamApiException | RuntimeException e) {
            problem = "durable lost, not yet re-created: " + e.getMessage();
        }
    }

    private void ensureDurable(ConsumerStart start) throws IOException, JetStreamApiException {
        JetStreamManagement management = management();
        try {
            management.getConsumerInfo(stream, durable);
            return;
        } catch (JetStreamApiException e) {
            if (e.getApiErrorCode() != CONSUMER_NOT_FOUND) {
                throw e;
            }
        }
        try {
            management.addOrUpdateConsumer(stream, start.configure(durable, filterSubject, settings));
            LOG.info("created durable {} on {} ({})", durable, stream, start);
        } catch (JetStreamApiException raced) {
            management.getConsumerInfo(stream, durable); // another instance created it: bind to that one
        }
    }

    private void subscribe() throws IOException, JetStreamApiException {
        if (dispatcher == null) {
            dispatcher = connection.createDispatcher();
        } else if (subscription != null) {
            try {
                dispatcher.unsubscribe(subscription);
            } catch (RuntimeException e) {
                LOG.debug("old subscription of {} already gone: {}", durable, e.getMessage());
            }
        }
        subscription = connection.jetStream().subscribe(filterSubject, durable, dispatcher, deliveries, false,
                PushSubscribeOptions.builder().stream(stream).durable(durable).bind(true).build());
        listeningSince = ZonedDateTime.now();
    }

    private JetStreamManagement management() throws IOException {
        return connection.jetStreamManagement();
    }
}
