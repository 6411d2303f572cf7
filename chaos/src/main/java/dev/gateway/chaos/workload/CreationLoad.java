package dev.gateway.chaos.workload;

import dev.gateway.chaos.client.AdminApi;
import dev.gateway.chaos.wait.Deadline;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * {@code count} tenant creates in the background, half per isolation mode, from a few concurrent clients at
 * a steady pace (so a fault lands in the middle of them). Each accepted tenant is handed to {@code onAccepted}.
 */
public final class CreationLoad implements AutoCloseable {

    private final TenantCreator creator;
    private final IntFunction<AdminApi> apiForCreate;
    private final String prefix;
    private final String plan;
    private final int count;
    private final double perSecond;
    private final Consumer<CreatedTenant> onAccepted;
    private final Deadline deadline;
    private final ExecutorService clients;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicInteger finished = new AtomicInteger();
    private final ConcurrentLinkedQueue<CreatedTenant> accepted = new ConcurrentLinkedQueue<>();
    private final long startNanos = System.nanoTime();

    private CreationLoad(Builder b) {
        this.creator = b.creator;
        this.apiForCreate = b.apiForCreate;
        this.prefix = b.prefix;
        this.plan = b.plan;
        this.count = b.count;
        this.perSecond = b.perSecond;
        this.onAccepted = b.onAccepted;
        this.deadline = b.deadline;
        this.clients = Executors.newFixedThreadPool(b.concurrency, r -> {
            Thread t = new Thread(r, "create-" + prefix);
            t.setDaemon(true);
            return t;
        });
        for (int i = 0; i < b.concurrency; i++) {
            clients.execute(this::work);
        }
    }

    public static Builder builder(TenantCreator creator, String prefix, int count) {
        return new Builder(creator, prefix, count);
    }

    private void work() {
        int i;
        while ((i = next.getAndIncrement()) < count && !deadline.passed() && !Thread.currentThread().isInterrupted()) {
            long due = startNanos + (long) (i / perSecond * 1e9);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                deadline.pause(Duration.ofNanos(wait));
            }
            Isolation isolation = Isolation.alternate(i);
            creator.create(apiForCreate.apply(i), isolation.key(prefix, i), isolation, plan, deadline).ifPresent(t -> {
                accepted.add(t);
                onAccepted.accept(t);
            });
            finished.incrementAndGet();
        }
    }

    /** Every create answered for good (accepted or refused), or the deadline passed. */
    public boolean awaitDone(Deadline wait) {
        return wait.await(() -> finished.get() >= count, Duration.ofMillis(100));
    }

    /** How many creates have been sent so far (answered or not). */
    public int started() {
        return Math.min(next.get(), count);
    }

    public List<CreatedTenant> accepted() {
        return List.copyOf(accepted);
    }

    @Override
    public void close() {
        clients.shutdownNow();
        try {
            clients.awaitTermination(15, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Settings of a load; {@link #start} runs it. */
    public static final class Builder {
        private final TenantCreator creator;
        private final String prefix;
        private final int count;
        private IntFunction<AdminApi> apiForCreate;
        private String plan = "free";
        private int concurrency = 4;
        private double perSecond = 10;
        private Consumer<CreatedTenant> onAccepted = t -> { };
        private Deadline deadline = Deadline.in(Duration.ofMinutes(10));

        private Builder(TenantCreator creator, String prefix, int count) {
            this.creator = creator;
            this.prefix = prefix;
            this.count = count;
        }

        public Builder api(AdminApi api) {
            this.apiForCreate = i -> api;
            return this;
        }

        /** The registry instance the i-th create goes to (spreads a load over several instances). */
        public Builder apis(IntFunction<AdminApi> apis) {
            this.apiForCreate = apis;
            return this;
        }

        public Builder plan(String plan) {
            this.plan = plan;
            return this;
        }

        public Builder concurrency(int concurrency) {
            this.concurrency = concurrency;
            return this;
        }

        public Builder perSecond(double perSecond) {
            this.perSecond = perSecond;
            return this;
        }

        public Builder onAccepted(Consumer<CreatedTenant> onAccepted) {
            this.onAccepted = onAccepted;
            return this;
        }

        public Builder deadline(Deadline deadline) {
            this.deadline = deadline;
            return this;
        }

        public CreationLoad start() {
            if (apiForCreate == null) {
                throw new IllegalStateException("no API to create tenants with");
            }
            return new CreationLoad(this);
        }
    }
}
