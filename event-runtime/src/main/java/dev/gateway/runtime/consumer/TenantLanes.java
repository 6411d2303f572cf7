package dev.gateway.runtime.consumer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Single-threaded lanes, a tenant always on the same lane: one tenant's events run in arrival order while
 * different tenants run in parallel. The queues are bounded by the consumer's max-ack-pending, which caps
 * what the server delivers before acknowledgements come back.
 */
final class TenantLanes {

    private final List<ThreadPoolExecutor> lanes = new ArrayList<>();

    TenantLanes(String name, int count) {
        for (int i = 0; i < count; i++) {
            String thread = name + "-lane-" + i;
            lanes.add(new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                    r -> new Thread(r, thread)));
        }
    }

    void submit(String tenant, Runnable work) {
        submitTo(laneOf(tenant), work);
    }

    int laneOf(String tenant) {
        return Math.floorMod(tenant.hashCode(), lanes.size());
    }

    void submitTo(int lane, Runnable work) {
        lanes.get(lane).execute(work);
    }

    int count() {
        return lanes.size();
    }

    boolean alive() {
        return lanes.stream().noneMatch(ThreadPoolExecutor::isTerminated);
    }

    /**
     * Stops the lanes: returns the work that had not started (for the caller to hand back to the server),
     * lets running work finish within {@code grace}, then interrupts it.
     */
    List<Runnable> stop(Duration grace) throws InterruptedException {
        List<Runnable> notStarted = new ArrayList<>();
        for (ThreadPoolExecutor lane : lanes) {
            lane.getQueue().drainTo(notStarted);
            lane.shutdown();
        }
        long deadline = System.nanoTime() + grace.toNanos();
        for (ThreadPoolExecutor lane : lanes) {
            if (!lane.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                lane.shutdownNow();
            }
        }
        return notStarted;
    }
}
