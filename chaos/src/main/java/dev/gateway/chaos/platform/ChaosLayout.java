package dev.gateway.chaos.platform;

import java.nio.file.Path;

/**
 * Where a run keeps things: everything under {@code $GATEWAY_HOME/chaos} (logs appended across runs, the
 * services' own GATEWAY_HOME, Redis and NATS data), except PostgreSQL's data directory, which the
 * {@code postgres} user must be able to reach and so lives under the temporary directory.
 */
public record ChaosLayout(Path root, Path chaosHome, Path postgresBase, Path results) {

    public Path logs() {
        return chaosHome.resolve("logs");
    }

    public Path log(String name) {
        return logs().resolve(name + ".log");
    }

    /** GATEWAY_HOME of the services: signing keys, backups. */
    public Path serviceHome() {
        return chaosHome.resolve("home");
    }

    public Path redisDir() {
        return chaosHome.resolve("redis");
    }

    public Path natsStore() {
        return chaosHome.resolve("nats");
    }

    /** Extra tenant migrations a scenario ships as "the next release". */
    public Path extraMigrations() {
        return chaosHome.resolve("migrations");
    }

    public Path jar(String module) {
        return root.resolve(module).resolve("target").resolve(module + "-0.1.0-SNAPSHOT.jar");
    }
}
