package dev.gateway.chaos.scenario;

import dev.gateway.chaos.platform.ServiceInstance;
import dev.gateway.chaos.wait.Deadline;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/** kill -9 of the next instance in the rotation every {@code every}, each started again right away. */
final class KillLoop implements AutoCloseable {

    private final List<ServiceInstance> rotation;
    private final Duration every;
    private final Map<String, Integer> kills = new TreeMap<>();
    private final AtomicInteger total = new AtomicInteger();
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
            victim.killAndStart();
            synchronized (kills) {
                kills.merge(victim.name(), 1, Integer::sum);
            }
            total.incrementAndGet();
        }
    }

    /** Complete rotations so far (every instance killed once per rotation). */
    int rotations() {
        return total.get() / rotation.size();
    }

    Map<String, Integer> kills() {
        synchronized (kills) {
            return new TreeMap<>(kills);
        }
    }

    /** Stops after the current pause; a kill in progress completes with its restart. */
    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(60_000);
    }
}
