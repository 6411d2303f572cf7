package dev.gateway.chaos.stores;

import dev.gateway.chaos.wait.Deadline;

import java.time.Duration;
import java.util.List;

/** The suite's own PostgreSQL, Redis and NATS: started together, each broken on its own by the scenarios. */
public record Stores(PostgresServer postgres, RedisServer redis, NatsServer nats) {

    public static final String PLATFORM_DATABASE = "gateway";
    /** Where the provisioner puts schema-isolated tenants of a pool that names no other database. */
    public static final String SHARED_TENANT_DATABASE = "gateway_tenants";

    /** Fresh stores: an empty cluster with the platform database, an empty Redis, an empty JetStream store. */
    public void startFresh() {
        postgres.initialise();
        redis.wipe();
        nats.wipe();
        Deadline deadline = Deadline.in(Duration.ofSeconds(60));
        postgres.start(deadline);
        redis.start(deadline);
        nats.start(deadline);
        try (Sql sql = Sql.open(postgres, "postgres")) {
            sql.execute("CREATE DATABASE " + PLATFORM_DATABASE);
        }
    }

    public Sql platformDb() {
        return Sql.open(postgres, PLATFORM_DATABASE);
    }

    /** A database on the tenant pool (the same server: the suite's pools live on its own PostgreSQL). */
    public Sql poolDb(String database) {
        return Sql.open(postgres, database);
    }

    public Resp redisClient() {
        return Resp.connect(redis.port(), Duration.ofSeconds(5));
    }

    public JetStreamView jetStream() {
        return new JetStreamView(nats.url());
    }

    /** Starts whichever store a scenario left stopped (one that failed or ran out of time in the middle of a fault). */
    public void ensureRunning() {
        Deadline deadline = Deadline.in(Duration.ofSeconds(60));
        if (!postgres.running()) {
            postgres.start(deadline);
        }
        if (!redis.running()) {
            redis.start(deadline);
        }
        if (!nats.running()) {
            nats.start(deadline);
        }
    }

    /** Process ids of the three servers (for stopping a platform left running). */
    public List<Long> pids() {
        return List.of(postgres.pid(), redis.pid(), nats.pid());
    }

    /** Stops all three; the PostgreSQL data goes too (a full run leaves gigabytes of tenant databases). */
    public void stop() {
        nats.kill();
        redis.kill();
        postgres.destroy();
    }
}
