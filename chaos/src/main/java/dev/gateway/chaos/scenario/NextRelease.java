package dev.gateway.chaos.scenario;

import dev.gateway.chaos.platform.Platform;
import dev.gateway.chaos.platform.Service;
import dev.gateway.chaos.platform.ServiceInstance;
import dev.gateway.chaos.process.ChildProcess;
import dev.gateway.chaos.wait.Deadline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * "The next release" of the provisioner: today's jar plus one more tenant migration, shipped as a file the
 * provisioner finds through {@code GATEWAY_MIGRATIONS_LOCATIONS}.
 */
final class NextRelease {

    static final String VERSION = "900";
    private static final String SCRIPT = "V" + VERSION + "__chaos_release_marker.sql";

    private final Platform platform;
    private final ServiceInstance provisioner;
    private final Map<String, String> settings;

    NextRelease(Platform platform) {
        this.platform = platform;
        this.provisioner = platform.instance(Service.PROVISIONER);
        this.settings = Map.of("GATEWAY_MIGRATIONS_LOCATIONS", "classpath:db/tenant,filesystem:" + writeScript());
    }

    /** The provisioner restarted with the new migration. */
    void deploy(Deadline deadline) {
        restartProvisioner(settings, deadline);
    }

    /** The provisioner restarted as it was (tenants already migrated further are tolerated). */
    void rollBack(Deadline deadline) {
        restartProvisioner(Map.of(), deadline);
    }

    /** {@code java -jar provisioner.jar migrate <args>} of this release; its exit code. */
    int migrateCli(Duration limit, String... args) {
        Map<String, String> env = new HashMap<>(platform.environment());
        env.putAll(settings);
        List<String> command = new ArrayList<>(List.of("java", "-XX:TieredStopAtLevel=1", "-Xmx256m", "-jar",
                platform.layout().jar(Service.PROVISIONER.module()).toString(), "migrate"));
        command.addAll(List.of(args));
        return ChildProcess.run("migrate (CLI)", command, env, platform.layout().log("migrate-cli"),
                platform.layout().root(), limit);
    }

    private Path writeScript() {
        Path dir = platform.layout().extraMigrations();
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(SCRIPT), "CREATE TABLE chaos_release_marker (id int PRIMARY KEY);\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    private void restartProvisioner(Map<String, String> with, Deadline deadline) {
        provisioner.override(with);
        provisioner.stop();
        provisioner.start();
        provisioner.awaitHealthy(deadline);
    }
}
