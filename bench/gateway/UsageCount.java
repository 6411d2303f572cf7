import dev.gateway.events.EventCodec;
import dev.gateway.events.EventEnvelope;
import dev.gateway.events.RequestUsage;
import io.nats.client.Connection;
import io.nats.client.JetStreamSubscription;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.PushSubscribeOptions;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.DeliverPolicy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Bench helper: the requests a tenant's usage.requests events (stream USAGE) counted since a moment, summed over
 * every gateway instance and window; proof that metering was on in a run.
 *   java -cp <app-gateway jar> UsageCount.java <nats url> <tenant key> <since, epoch seconds>
 */
public class UsageCount {
    public static void main(String[] args) throws Exception {
        try (Connection nats = Nats.connect(args[0])) {
            JetStreamSubscription events = nats.jetStream().subscribe("usage.requests", PushSubscribeOptions.builder()
                    .stream("USAGE").ordered(true).configuration(ConsumerConfiguration.builder()
                            .deliverPolicy(DeliverPolicy.ByStartTime)
                            .startTime(Instant.ofEpochSecond(Long.parseLong(args[2])).atZone(ZoneOffset.UTC)).build())
                    .build());
            long requests = 0;
            for (Message message = events.nextMessage(Duration.ofSeconds(3)); message != null;
                 message = events.nextMessage(Duration.ofSeconds(1))) {
                EventEnvelope event = EventCodec.decode(message.getData());
                if (args[1].equals(event.tenant())) {
                    requests += event.dataAs(RequestUsage.class).requests();
                }
            }
            System.out.println(requests);
        }
    }
}
