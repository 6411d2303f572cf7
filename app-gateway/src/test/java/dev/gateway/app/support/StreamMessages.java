package dev.gateway.app.support;

import dev.gateway.events.EventCodec;
import dev.gateway.events.EventEnvelope;
import dev.gateway.events.Stream;
import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.Nats;
import io.nats.client.api.MessageInfo;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** The events a stream of the tests' NATS holds (for one tenant), in the order they were stored. */
public final class StreamMessages {

    private StreamMessages() {
    }

    /** One stored event and its {@code Nats-Msg-Id}. */
    public record Stored(String messageId, EventEnvelope event) {
    }

    public static List<Stored> of(Stream stream, String tenant) {
        return on(TestServices.NATS_URL, stream, tenant);
    }

    public static List<Stored> on(String natsUrl, Stream stream, String tenant) {
        return all(natsUrl, stream).stream().filter(s -> s.event().tenant().equals(tenant)).toList();
    }

    /** Every event the stream holds. */
    public static List<Stored> all(String natsUrl, Stream stream) {
        try (Connection nats = Nats.connect(natsUrl)) {
            JetStreamManagement streams = nats.jetStreamManagement();
            var state = streams.getStreamInfo(stream.name()).getStreamState();
            List<Stored> stored = new ArrayList<>();
            for (long seq = state.getFirstSequence(); state.getMsgCount() > 0 && seq <= state.getLastSequence(); seq++) {
                MessageInfo message = streams.getMessage(stream.name(), seq);
                stored.add(new Stored(message.getHeaders().getFirst("Nats-Msg-Id"), EventCodec.decode(message.getData())));
            }
            return stored;
        } catch (JetStreamApiException e) {
            return List.of(); // not declared yet
        } catch (IOException e) {
            throw new IllegalStateException("cannot read stream " + stream, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
