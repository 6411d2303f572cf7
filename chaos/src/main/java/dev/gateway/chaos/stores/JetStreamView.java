package dev.gateway.chaos.stores;

import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.api.MessageInfo;
import io.nats.client.api.StreamInfo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Read-only look at the JetStream server: which streams exist and what a stream holds. One connection per look. */
public final class JetStreamView {

    private final String url;

    public JetStreamView(String url) {
        this.url = url;
    }

    /** A message of a stream, with the header the services put the give-up reason in. */
    public record StoredMessage(long seq, String subject, String reason, String data) {
    }

    public List<String> streamNames() {
        return withManagement(JetStreamManagement::getStreamNames);
    }

    /** Last sequence of the stream, 0 when it does not exist. */
    public long lastSeq(String stream) {
        return withManagement(m -> {
            try {
                StreamInfo info = m.getStreamInfo(stream);
                return info.getStreamState().getLastSequence();
            } catch (JetStreamApiException e) {
                return 0L;
            }
        });
    }

    /** Messages of {@code stream} with a sequence above {@code afterSeq} (a stream that was re-created starts over at 1). */
    public List<StoredMessage> messagesAfter(String stream, long afterSeq) {
        return withManagement(m -> {
            List<StoredMessage> messages = new ArrayList<>();
            long last;
            try {
                last = m.getStreamInfo(stream).getStreamState().getLastSequence();
            } catch (JetStreamApiException e) {
                return messages;
            }
            long from = last < afterSeq ? 1 : afterSeq + 1;
            for (long seq = from; seq <= last; seq++) {
                try {
                    MessageInfo info = m.getMessage(stream, seq);
                    String reason = info.getHeaders() == null ? null
                            : info.getHeaders().getFirst("Gateway-Dead-Letter-Reason");
                    messages.add(new StoredMessage(seq, info.getSubject(), reason,
                            info.getData() == null ? "" : new String(info.getData(), StandardCharsets.UTF_8)));
                } catch (JetStreamApiException deleted) {
                    // a purged sequence: nothing to report
                }
            }
            return messages;
        });
    }

    private interface ManagementCall<T> {
        T apply(JetStreamManagement management) throws IOException, JetStreamApiException;
    }

    private <T> T withManagement(ManagementCall<T> call) {
        Options options = new Options.Builder().server(url).connectionTimeout(Duration.ofSeconds(2))
                .maxReconnects(0).noReconnect().build();
        try (Connection connection = Nats.connect(options)) {
            return call.apply(connection.jetStreamManagement());
        } catch (IOException | JetStreamApiException e) {
            throw new IllegalStateException("JetStream at " + url + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
