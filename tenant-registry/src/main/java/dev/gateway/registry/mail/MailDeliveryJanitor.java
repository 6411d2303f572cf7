package dev.gateway.registry.mail;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;

import java.time.Instant;

/** Records of sent mails only guard against redeliveries, which come within minutes: kept for gateway.mail.retention. */
@Singleton
public class MailDeliveryJanitor {

    private final MailDeliveryRepository deliveries;
    private final MailConfiguration config;

    public MailDeliveryJanitor(MailDeliveryRepository deliveries, MailConfiguration config) {
        this.deliveries = deliveries;
        this.config = config;
    }

    @Scheduled(fixedDelay = "1h", initialDelay = "5m")
    public int purge() {
        return deliveries.deleteSentBefore(Instant.now().minus(config.retention()));
    }
}
