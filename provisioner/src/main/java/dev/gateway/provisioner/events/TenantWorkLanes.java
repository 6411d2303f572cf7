package dev.gateway.provisioner.events;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The bounded worker pool: {@code workers} single-threaded lanes, a tenant always on the same lane,
 * so different tenants run in parallel while one tenant's events stay in order.
 */
@Singleton
public class TenantWorkLanes {

    private final List<ExecutorService> lanes = new ArrayList<>();

    public TenantWorkLanes(EventsConfiguration config) {
        for (int i = 0; i < Math.max(1, config.workers()); i++) {
            int lane = i;
            lanes.add(Executors.newSingleThreadExecutor(r -> new Thread(r, "tenant-lane-" + lane)));
        }
    }

    public void submit(String tenantKey, Runnable work) {
        lanes.get(Math.floorMod(tenantKey.hashCode(), lanes.size())).execute(work);
    }

    @PreDestroy
    void stop() throws InterruptedException {
        lanes.forEach(ExecutorService::shutdownNow);
        for (ExecutorService lane : lanes) {
            lane.awaitTermination(10, TimeUnit.SECONDS);
        }
    }
}
