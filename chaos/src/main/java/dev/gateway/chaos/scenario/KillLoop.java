package dev.gateway.chaos.scenario;

import dev.gateway.chaos.platform.ServiceInstance;
import dev.gateway.chaos.report.LatencyStats;
import dev.gateway.chaos.wait.Deadline;
import dev.gateway.chaos.wait.Stopwatch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A crash loop: {@code every} after the previous victim answered its health check again, kill -9 the next
 * instance of the rotation and start it again at once. Waiting for the victim to come back keeps one service
 * down at a time: on a loaded machine a JVM can take longer to start than the interval, and killing instances
 * that never finished starting would measure the machine, not the platform's recovery.
 */
final class KillLoop implements AutoCloseable {

    private static final Duration COME_BACK = Duration.ofMinutes(2);

    private final List<ServiceInstance> rotation;
    private final Duration every;
    private final Map<String, Integer> kills = new TreeMap<>();
    private final List<Long> restartMillis = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;

    KillLoop(List<ServiceInstance> rotation, Duration every) {
        this.rotation = rotation;
        this.every = every;
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
            Stopwatch down = Stopwatch.start();
            victim.killAndStart();
            try {
                victim.awaitHealthy(Deadline.in(COME_BACK));
                record(victim, down.millis(), null);
            } catch (IllegalStateException e) {
                record(victim, down.millis(), victim.name() + " did not come back: " + e.getMessage().lines().findFirst().orElse(""));
                return;
            }
        }
    }

    private synchronized void record(ServiceInstance victim, long millis, String failure) {
        kills.merge(victim.name(), 1, Integer::sum);
        restartMillis.add(millis);
        if (failure != null) {
            failures.add(failure);
        }
    }

    /** Complete rotations so far (every instance killed and back once per rotation). */
    synchronized int rotations() {
        return restartMillis.size() / rotation.size();
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
