package dev.gateway.app.support;

import dev.gateway.events.EventEnvelope;
import dev.gateway.events.MailRequest;
import dev.gateway.events.Stream;
import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import dev.gateway.runtime.stream.StreamKeeper;
import dev.gateway.runtime.stream.StreamSettings;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/** The mails asked for on stream MAIL of the tests' NATS, as the registry's mailer would read them. */
public final class MailBox {

    private MailBox() {
    }

    /** One stored {@code mail.send} event: its {@code Nats-Msg-Id}, envelope and request. */
    public record Sent(String messageId, EventEnvelope event, MailRequest mail) {
    }

    /**
     * Declares MAIL as the registry does, and the registry's mailer durable, which never acknowledges here: MAIL keeps
     * a message only while a consumer has not acknowledged it, so without that durable nothing would stay to read.
     */
    public static void declare(Connection nats) throws IOException, JetStreamApiException, InterruptedException {
        StreamKeeper streams = new StreamKeeper(nats, StreamSettings.defaults());
        streams.require(Set.of(Stream.MAIL));
        streams.declare();
        nats.jetStreamManagement().addOrUpdateConsumer(Stream.MAIL.name(), ConsumerConfiguration.builder()
                .durable(Stream.MAIL.durable("tenant-registry", 1)).ackPolicy(AckPolicy.Explicit).build());
    }

    /** Every mail asked for on behalf of {@code tenant}, in the order they were stored. */
    public static List<Sent> of(String tenant) {
        return on(TestServices.NATS_URL, tenant);
    }

    public static List<Sent> on(String natsUrl, String tenant) {
        return StreamMessages.on(natsUrl, Stream.MAIL, tenant).stream()
                .map(s -> new Sent(s.messageId(), s.event(), s.event().dataAs(MailRequest.class))).toList();
    }

    /**
     * The mails of {@code tenant} with this template once there are {@code count} (they are relayed from the tenant's
     * outbox after the change commits), failing after 10 s.
     */
    public static List<Sent> awaitTemplate(String tenant, String template, int count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        List<Sent> mails = withTemplate(tenant, template);
        while (mails.size() < count && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            mails = withTemplate(tenant, template);
        }
        return mails;
    }

    /** The mails of {@code tenant} with this template. */
    public static List<Sent> withTemplate(String tenant, String template) {
        return of(tenant).stream().filter(sent -> sent.mail().template().equals(template)).toList();
    }
}
