package dev.gateway.chaos.fuzz;

import dev.gateway.chaos.client.HttpAnswer;
import dev.gateway.chaos.fuzz.AnswerRules.Finding;
import dev.gateway.chaos.platform.Service;
import dev.gateway.chaos.report.StatusCounts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;

/** Answers to a fuzz run, counted by port and status class, and every offending exchange; thread-safe. */
public final class FuzzTally {

    /** A request, what it got, and why that is wrong. */
    public record Offending(FuzzRequest request, HttpAnswer answer, Finding finding) {

        public String describe(FuzzFixture fixture) {
            return finding.offence().label() + ": " + request.describe(fixture) + " → " + finding.evidence();
        }

        /** Offences of one kind from one port with one status and media type: likely one cause. */
        public String kind() {
            String type = answer.contentType() == null ? "no Content-Type" : answer.contentType().split(";")[0];
            return request.service().module() + " " + answer.label() + " " + type + " (" + finding.offence().label() + ")";
        }
    }

    private final Map<Service, StatusCounts> byPort = new EnumMap<>(Service.class);
    private final StatusCounts statuses = new StatusCounts();
    private final ConcurrentLinkedQueue<Offending> offending = new ConcurrentLinkedQueue<>();

    public FuzzTally() {
        for (Service service : Service.values()) {
            byPort.put(service, new StatusCounts());
        }
    }

    public void add(FuzzRequest request, HttpAnswer answer) {
        byPort.get(request.service()).add(statusClass(answer));
        statuses.add(answer.label());
        AnswerRules.judge(request.method(), answer).ifPresent(f -> offending.add(new Offending(request, answer, f)));
    }

    public StatusCounts port(Service service) {
        return byPort.get(service);
    }

    /** Every exact status ({@code 200}, {@code 404} …, {@code timeout}). */
    public StatusCounts statuses() {
        return statuses;
    }

    public long total() {
        return statuses.total();
    }

    /** The offending exchanges in request order. */
    public List<Offending> offending() {
        List<Offending> sorted = new ArrayList<>(offending);
        sorted.sort(Comparator.comparingInt(o -> o.request().index()));
        return sorted;
    }

    /** The first offending exchange of each {@link Offending#kind()}, in request order. */
    public List<Offending> firstOfEachKind() {
        Set<String> seen = new HashSet<>();
        return offending().stream().filter(o -> seen.add(o.kind())).toList();
    }

    /** How many offending exchanges of each {@link Offending#kind()}. */
    public StatusCounts kinds() {
        StatusCounts kinds = new StatusCounts();
        offending.forEach(o -> kinds.add(o.kind()));
        return kinds;
    }

    public long count(AnswerRules.Offence offence) {
        return offending.stream().filter(o -> o.finding().offence() == offence).count();
    }

    static String statusClass(HttpAnswer answer) {
        return answer.answered() ? answer.status() / 100 + "xx" : answer.label();
    }
}
