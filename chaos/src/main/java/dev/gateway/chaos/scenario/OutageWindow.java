package dev.gateway.chaos.scenario;

import dev.gateway.chaos.workload.RequestLoop;
import dev.gateway.chaos.workload.RequestLoop.Sample;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Runs a request loop across a fault: {@code before} for a few seconds, {@code outage} while the fault lasts,
 * {@code after} once it is repaired; then sorts the answers by when they were sent. Requests sent in the first
 * second of the outage are left out of it (they may have met the store on its way down), and so are those
 * sent in the first seconds after the repair (clients reconnect).
 */
final class OutageWindow {

    static final Duration SETTLE_AFTER_FAULT = Duration.ofSeconds(1);
    static final Duration SETTLE_AFTER_REPAIR = Duration.ofSeconds(5);

    /**
     * The answers of each part, when the fault began and how long after the repair the last failed answer was sent
     * (times on the loop's clock).
     */
    record Answers(List<Sample> before, List<Sample> outage, List<Sample> after, long faultAtMillis,
                   long lastFailureAfterRepairMillis) {

        /** Seconds into the outage the first answer failing {@code expected} was sent, or null if none did. */
        String firstMiss(Predicate<Sample> expected) {
            return outage.stream().filter(expected.negate()).findFirst()
                    .map(s -> String.format(Locale.ROOT, "+%.1f s", (s.sentAtMillis() - faultAtMillis) / 1000.0))
                    .orElse(null);
        }
    }

    /** Something to break and repair. */
    interface Fault {
        void inject();

        void repair();
    }

    private OutageWindow() {
    }

    static Answers run(ScenarioContext ctx, RequestLoop loop, Fault fault, Duration outage, Duration after) {
        try (loop) {
            ctx.deadline().pause(Duration.ofSeconds(5));
            long faultAt = loop.now();
            fault.inject();
            loop.phase("outage");
            ctx.deadline().pause(outage);
            long repairAt = loop.now();
            fault.repair();
            loop.phase("after");
            ctx.deadline().pause(after);
            List<Sample> during = loop.samples("outage").stream()
                    .filter(s -> s.sentAtMillis() >= faultAt + SETTLE_AFTER_FAULT.toMillis()).toList();
            List<Sample> afterRepair = loop.samples("after");
            long lastFailure = afterRepair.stream().filter(s -> !s.answer().success())
                    .mapToLong(s -> s.sentAtMillis() - repairAt).max().orElse(0);
            List<Sample> settled = afterRepair.stream()
                    .filter(s -> s.sentAtMillis() >= repairAt + SETTLE_AFTER_REPAIR.toMillis()).toList();
            return new Answers(loop.samples("before"), during, settled, faultAt, lastFailure);
        }
    }
}
