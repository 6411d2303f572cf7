package dev.gateway.chaos.wait;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** A point in time every wait of a step is bounded by; nothing in the suite waits without one. */
public final class Deadline {

    private final long endNanos;

    private Deadline(long endNanos) {
        this.endNanos = endNanos;
    }

    public static Deadline in(Duration duration) {
        return new Deadline(System.nanoTime() + duration.toNanos());
    }

    /** The earlier of this deadline and one {@code duration} from now. */
    public Deadline atMost(Duration duration) {
        return new Deadline(Math.min(endNanos, System.nanoTime() + duration.toNanos()));
    }

    public boolean passed() {
        return System.nanoTime() >= endNanos;
    }

    public Duration remaining() {
        return Duration.ofNanos(Math.max(0, endNanos - System.nanoTime()));
    }

    /** Polls {@code condition} every {@code interval} until it holds (true) or the deadline passes (false). */
    public boolean await(BooleanSupplier condition, Duration interval) {
        while (true) {
            if (condition.getAsBoolean()) {
                return true;
            }
            if (passed()) {
                return false;
            }
            pause(interval);
        }
    }

    /** Sleeps {@code interval}, or less when the deadline comes first. */
    public void pause(Duration interval) {
        long millis = Math.min(interval.toMillis(), remaining().toMillis());
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Interrupted();
        }
    }

    /** Thrown when the scenario thread is interrupted (budget exceeded or Ctrl-C) in the middle of a wait. */
    public static final class Interrupted extends RuntimeException {
        Interrupted() {
            super("interrupted");
        }
    }
}
