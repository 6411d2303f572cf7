package dev.gateway.runtime.consumer;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Work waiting for its tenant's lane, taken by the lane in batches: whatever queued up while the lane ran the
 * previous batch, at most {@code maxBatch} at a time, in arrival order. At most one batch per lane is submitted
 * at a time, so a lane's batches never overlap.
 */
final class LaneBatches<T> {

    private final TenantLanes lanes;
    private final int maxBatch;
    private final Consumer<List<T>> work;
    private final List<Queue<T>> pending = new ArrayList<>();
    private final List<AtomicBoolean> submitted = new ArrayList<>();

    LaneBatches(TenantLanes lanes, int maxBatch, Consumer<List<T>> work) {
        this.lanes = lanes;
        this.maxBatch = maxBatch;
        this.work = work;
        for (int i = 0; i < lanes.count(); i++) {
            pending.add(new ConcurrentLinkedQueue<>());
            submitted.add(new AtomicBoolean());
        }
    }

    /** Queues {@code item} on its tenant's lane; a {@link RejectedExecutionException} means the lanes stopped. */
    void submit(String tenant, T item) {
        int lane = lanes.laneOf(tenant);
        pending.get(lane).add(item);
        submitBatch(lane);
    }

    private void submitBatch(int lane) {
        if (submitted.get(lane).compareAndSet(false, true)) {
            try {
                lanes.submitTo(lane, () -> runBatch(lane));
            } catch (RejectedExecutionException stopped) {
                submitted.get(lane).set(false);
                throw stopped;
            }
        }
    }

    private void runBatch(int lane) {
        List<T> batch = new ArrayList<>();
        Queue<T> queue = pending.get(lane);
        for (T item = queue.poll(); item != null; item = batch.size() < maxBatch ? queue.poll() : null) {
            batch.add(item);
        }
        try {
            if (!batch.isEmpty()) {
                work.accept(batch);
            }
        } finally {
            submitted.get(lane).set(false);
            if (!queue.isEmpty()) {
                try {
                    submitBatch(lane);
                } catch (RejectedExecutionException stopped) {
                    // closing: the consumer hands every held event back to the server
                }
            }
        }
    }
}
