package dev.gateway.chaos.fuzz;

import dev.gateway.chaos.client.RawHttp;
import dev.gateway.chaos.platform.Service;
import dev.gateway.chaos.wait.Deadline;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Sends the requests from a few threads, each taking the next unsent one, and tallies every answer. Stops
 * sending when the deadline passes (the tally then holds fewer answers than requests).
 */
public final class FuzzRun {

    /** The longest any one request may wait for its answer. */
    public static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(10);

    private FuzzRun() {
    }

    public static FuzzTally send(List<FuzzRequest> requests, Map<Service, Integer> ports, int threads,
                                 Deadline deadline, IntConsumer progress) throws InterruptedException {
        FuzzTally tally = new FuzzTally();
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "fuzz");
            t.setDaemon(true);
            return t;
        });
        try {
            for (int t = 0; t < threads; t++) {
                pool.execute(() -> {
                    for (int i = next.getAndIncrement(); i < requests.size() && !deadline.passed();
                         i = next.getAndIncrement()) {
                        FuzzRequest request = requests.get(i);
                        tally.add(request, RawHttp.exchange(ports.get(request.service()), request.wire(),
                                request.method().equals("HEAD"), ANSWER_TIMEOUT));
                        progress.accept(i);
                    }
                });
            }
            pool.shutdown();
            pool.awaitTermination(deadline.remaining().toMillis() + ANSWER_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } finally {
            pool.shutdownNow();
        }
        return tally;
    }
}
