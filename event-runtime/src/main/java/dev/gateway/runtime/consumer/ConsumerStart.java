package dev.gateway.runtime.consumer;

import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.DeliverPolicy;

import java.time.ZonedDateTime;

/** Where a durable that is being created starts reading its stream. */
record ConsumerStart(DeliverPolicy policy, ZonedDateTime from) {

    /** The subject prefix servers push a durable's events to; every instance shares it through the queue group. */
    static final String DELIVER_PREFIX = "_GW_DELIVER.";

    static ConsumerStart forNew(ConsumerSettings.Start start) {
        return new ConsumerStart(start == ConsumerSettings.Start.NEW ? DeliverPolicy.New : DeliverPolicy.All, null);
    }

    static ConsumerStart at(ZonedDateTime from) {
        return new ConsumerStart(DeliverPolicy.ByStartTime, from);
    }

    /**
     * The server-side settings. Deliveries are not capped on the server (-1): the consumer dead-letters at
     * its own max-deliver, so an event is never silently dropped by an exhausted redelivery count.
     */
    ConsumerConfiguration configure(String durable, String filterSubject, ConsumerSettings settings) {
        ConsumerConfiguration.Builder builder = ConsumerConfiguration.builder()
                .durable(durable)
                .deliverSubject(DELIVER_PREFIX + durable)
                .deliverGroup(durable)
                .filterSubject(filterSubject)
                .ackPolicy(AckPolicy.Explicit)
                .ackWait(settings.ackWait())
                .maxAckPending(settings.maxAckPending())
                .maxDeliver(-1)
                .deliverPolicy(policy);
        return from == null ? builder.build() : builder.startTime(from).build();
    }

    @Override
    public String toString() {
        return from == null ? "deliver " + policy : "deliver from " + from;
    }
}
