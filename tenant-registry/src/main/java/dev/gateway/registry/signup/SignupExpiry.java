package dev.gateway.registry.signup;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Signups nobody decided on within {@code gateway.signups.expire-after} (14 days) expire; checked every hour. */
@Singleton
public class SignupExpiry {

    private static final Logger LOG = LoggerFactory.getLogger(SignupExpiry.class);
    private static final int BATCH = 100;

    private final SignupRepository signups;
    private final SignupDecisions decisions;
    private final SignupConfiguration config;

    public SignupExpiry(SignupRepository signups, SignupDecisions decisions, SignupConfiguration config) {
        this.signups = signups;
        this.decisions = decisions;
        this.config = config;
    }

    /** Answers how many expired. */
    @Scheduled(fixedDelay = "1h", initialDelay = "30s")
    public synchronized int expire() {
        Instant before = Instant.now().minus(config.expireAfter());
        String reason = "not decided within " + config.expireAfter().toDays() + " days";
        int expired = 0;
        List<UUID> due;
        do {
            due = signups.findPendingCreatedBefore(before, BATCH);
            for (UUID id : due) {
                if (decisions.expire(id, before, reason)) {
                    expired++;
                }
            }
        } while (due.size() == BATCH);
        if (expired > 0) {
            LOG.info("{} signups expired ({})", expired, reason);
        }
        return expired;
    }
}
