package dev.gateway.chaos.workload;

import dev.gateway.chaos.client.HttpAnswer;
import dev.gateway.chaos.report.LatencyStats;
import dev.gateway.chaos.report.StatusCounts;
import dev.gateway.chaos.wait.Deadline;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Requests sent in a loop from a few threads (tenant traffic, or probes of the admin API and health). Every
 * answer is kept with the request's name and the phase it was sent in ({@code before}, {@code outage},
 * {@code after}…), so a scenario can ask what the platform answered during each part of a fault.
 */
public final class RequestLoop implements AutoCloseable {

    /** A request the loop sends again and again. */
    public record Request(String name, Supplier<HttpAnswer> send) {
    }

    /** One answer: which request, in which phase, sent when (ms since the loop started). */
    public record Sample(String request, String phase, long sentAtMillis, HttpAnswer answer) {
    }

    private final List<Request> requests;
    private final Duration pause;
    private final ExecutorService threads;
    private final ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();
    private final long startNanos = System.nanoTime();
    private volatile String phase = "before";
    private volatile boolean running = true;

    /**
     * Thread i sends requests i, i + threadCount, i + 2 × threadCount … (mod the number of requests), pausing {@code
     * pause} after each; with as many threads as requests each thread keeps to one, so a request that hangs does
     * not starve the others.
     */
    public RequestLoop(String name, List<Request> requests, int threadCount, Duration pause) {
        if (requests.isEmpty()) {
            throw new IllegalArgumentException(name + ": nothing to send");
        }
        this.requests = requests;
        this.pause = pause;
        this.threads = Executors.newFixedThreadPool(threadCount, r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        for (int i = 0; i < threadCount; i++) {
            int offset = i;
            threads.execute(() -> send(offset, threadCount));
        }
    }

    private void send(int offset, int step) {
        Deadline untilClosed = Deadline.in(Duration.ofHours(1));
        try {
            for (int n = offset; running && !untilClosed.passed(); n += step) {
                Request request = requests.get(n % requests.size());
                String current = phase;
                long sentAt = now();
                samples.add(new Sample(request.name(), current, sentAt, request.send().get()));
                untilClosed.pause(pause);
            }
        } catch (Deadline.Interrupted stopped) {
            // closed
        }
    }

    /** Requests sent from now on count for {@code name}. */
    public void phase(String name) {
        this.phase = name;
    }

    /** Milliseconds since the loop started, the clock of {@link Sample#sentAtMillis}. */
    public long now() {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    public List<Sample> samples(String phaseName) {
        return samples.stream().filter(s -> s.phase().equals(phaseName)).toList();
    }

    /** Answers by status, with the problem type when the body is a problem ({@code 503 service-unavailable}). */
    public static StatusCounts counts(List<Sample> samples) {
        StatusCounts counts = new StatusCounts();
        samples.forEach(s -> counts.add(s.answer().label()
                + (s.answer().isProblem() ? " " + s.answer().problemType() : "")));
        return counts;
    }

    public static LatencyStats latency(List<Sample> samples) {
        return LatencyStats.of(samples.stream().map(s -> s.answer().millis()).toList());
    }

    @Override
    public void close() {
        running = false;
        threads.shutdownNow();
        try {
            threads.awaitTermination(15, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
