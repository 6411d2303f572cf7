package dev.gateway.chaos.scenario;

import dev.gateway.chaos.platform.Service;
import dev.gateway.chaos.platform.ServiceInstance;
import dev.gateway.chaos.report.LatencyStats;
import dev.gateway.chaos.wait.Deadline;
import dev.gateway.chaos.wait.Stopwatch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * A crash loop: {@code every} after the previous victim answered its health check again, kill -9 the next
 * instance of the rotation and start it again at once. Waiting for the victim to come back keeps one service
 * down at a time: on a loaded machine a JVM can take longer to start than the interval, and killing instances
 * that never finished starting would measure the machine, not the platform's recovery.
 * <p>
 * A victim whose work in flight can be seen ({@code inFlight}: keys it started and has not finished) is killed as
 * soon as it holds some (waiting at most {@link #BUSY_WAIT}); work still unfinished once the process is dead was
 * interrupted by the crash. Those keys are what a run must recover from, so they are counted and kept.
 */
final class KillLoop implements AutoCloseable {

    static final Duration BUSY_WAIT = Duration.ofSeconds(3);
    private static final Duration COME_BACK = Duration.ofMinutes(2);

    private final List<ServiceInstance> rotation;
    private final Duration every;
    private final Map<Service, Supplier<Set<String>>> inFlight;
    private final Map<String, Integer> kills = new TreeMap<>();
    private final Set<String> interrupted = new TreeSet<>();
    private final List<Long> restartMillis = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;

    KillLoop(List<ServiceInstance> rotation, Duration every, Map<Service, Supplier<Set<String>>> inFlight) {
        this.rotation = rotation;
        this.every = every;
        this.inFlight = inFlight;
        this.thread = new Thread(this::loop, "kill-loop");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        Deadline untilClosed = Deadline.in(Duration.ofHours(1));
        for (int i = 0; running; i++) {
            untilClosed.pause(every);
            if (!running) {
                return;
            }
            ServiceInstance victim = rotation.get(i % rotation.size());
            Supplier<Set<String>> work = inFlight.getOrDefault(victim.service(), Set::of);
            Set<String> seen = new HashSet<>();
            if (inFlight.containsKey(victim.service())) {
                Deadline.in(BUSY_WAIT).await(() -> seen.addAll(work.get()), Duration.ofMillis(5));
            }
            Stopwatch down = Stopwatch.start();
            victim.kill();
            seen.retainAll(work.get());
            victim.start();
            String failure = null;
            try {
                victim.awaitHealthy(Deadline.in(COME_BACK));
            } catch (IllegalStateException e) {
                failure = victim.name() + " did not come back: " + e.getMessage().lines().findFirst().orElse("");
            }
            record(victim, seen, down.millis(), failure);
            if (failure != null) {
                return;
            }
        }
    }

    private synchronized void record(ServiceInstance victim, Set<String> cutShort, long millis, String failure) {
        kills.merge(victim.name(), 1, Integer::sum);
        interrupted.addAll(cutShort);
        restartMillis.add(millis);
        if (failure != null) {
            failures.add(failure);
        }
    }

    /** Complete rotations so far (every instance killed and back once per rotation). */
    synchronized int rotations() {
        return restartMillis.size() / rotation.size();
    }

    /** Keys whose (de)provisioning a kill cut short. */
    synchronized Set<String> interrupted() {
        return new TreeSet<>(interrupted);
    }

    synchronized Map<String, Integer> kills() {
        return new TreeMap<>(kills);
    }

    /** Kill → healthy again, per kill. */
    synchronized LatencyStats restarts() {
        return LatencyStats.of(restartMillis);
    }

    synchronized List<String> failures() {
        return List.copyOf(failures);
    }

    /** Stops after the current pause or restart. */
    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(COME_BACK.plusSeconds(30).toMillis());
    }
}
