package dev.gateway.app.resolve;

import io.micronaut.core.annotation.Nullable;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/** Honours a sane incoming {@code X-Correlation-ID}, otherwise makes one. */
public final class CorrelationIds {

    public static final String HEADER = "X-Correlation-ID";
    private static final Pattern SAFE = Pattern.compile("^[A-Za-z0-9._:\\-]{1,128}$");

    private CorrelationIds() {
    }

    public static String of(@Nullable String incoming) {
        if (incoming != null && SAFE.matcher(incoming).matches()) {
            return incoming;
        }
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long most = (random.nextLong() & ~0xF000L) | 0x4000L;
        long least = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(most, least).toString();
    }
}
