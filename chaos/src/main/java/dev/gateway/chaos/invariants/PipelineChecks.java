package dev.gateway.chaos.invariants;

import dev.gateway.events.Stream;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The event pipeline is idle and clean: outboxes drained, nothing dead-lettered, every stream declared. */
final class PipelineChecks {

    private static final Pattern TENANT = Pattern.compile("\"tenant\"\\s*:\\s*\"([^\"]+)\"");

    private PipelineChecks() {
    }

    static List<Violation> check(FleetState state) {
        List<Violation> violations = new ArrayList<>();
        state.unpublished().forEach(o -> violations.add(new Violation(Invariant.OUTBOX, o.tenant(), o.service()
                + " " + o.subject() + " rev " + o.revision() + " unpublished after " + o.attempts() + " attempts"
                + (o.lastError() == null ? "" : ": " + o.lastError()))));
        state.deadLetters().forEach(m -> violations.add(new Violation(Invariant.DEAD_LETTERS, tenantOf(m.data()), m.subject()
                + " #" + m.seq() + ": " + (m.reason() == null ? "no reason given" : m.reason()))));
        for (Stream stream : Stream.values()) {
            if (!state.streams().contains(stream.name())) {
                violations.add(new Violation(Invariant.STREAMS, "-", "stream " + stream.name() + " does not exist"));
            }
        }
        return violations;
    }

    private static String tenantOf(String envelope) {
        Matcher m = TENANT.matcher(envelope);
        return m.find() ? m.group(1) : "-";
    }
}
