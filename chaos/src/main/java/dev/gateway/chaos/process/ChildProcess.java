package dev.gateway.chaos.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One operating-system process the suite started: output appended to its log, stopped with SIGTERM or
 * SIGKILL and always waited for, so the JVM reaps it and no zombie is left behind.
 */
public final class ChildProcess {

    private static volatile boolean shuttingDown;

    private final String name;
    private final Process process;

    private ChildProcess(String name, Process process) {
        this.name = name;
        this.process = process;
    }

    /**
     * Starts {@code command} in {@code workDir}. The child's environment is this one's without any
     * {@code GATEWAY_*} or {@code ROUTE_*} variable (they could point at the machine's own stores), plus {@code env}.
     */
    public static ChildProcess start(String name, List<String> command, Map<String, String> env, Path log, Path workDir) {
        if (shuttingDown) {
            throw new IllegalStateException("not starting " + name + ": the suite is shutting down");
        }
        return launch(name, command, env, log, workDir);
    }

    private static ChildProcess launch(String name, List<String> command, Map<String, String> env, Path log, Path workDir) {
        try {
            Files.createDirectories(log.getParent());
            Files.writeString(log, "=== chaos: starting " + name + " at " + Instant.now() + ": " + String.join(" ", command)
                    + System.lineSeparator(), StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
            builder.environment().keySet().removeIf(k -> k.startsWith("GATEWAY_") || k.startsWith("ROUTE_"));
            builder.environment().putAll(env);
            return new ChildProcess(name, builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name + ": " + e.getMessage(), e);
        }
    }

    /**
     * Runs a command to completion (bounded by {@code timeout}) and returns its exit code; output goes to {@code
     * log}. Allowed while shutting down: stopping a store takes one.
     */
    public static int run(String name, List<String> command, Map<String, String> env, Path log, Path workDir,
                          Duration timeout) {
        ChildProcess child = launch(name, command, env, log, workDir);
        if (!child.waitFor(timeout)) {
            child.kill();
            throw new IllegalStateException(name + " did not finish within " + timeout.toSeconds() + " s (see " + log + ")");
        }
        return child.process.exitValue();
    }

    /** From now on no long-lived process is started, so a scenario still running cannot restart what clean-up stops. */
    public static void refuseNewProcesses() {
        shuttingDown = true;
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** Exit code, or null while running. */
    public Integer exitCode() {
        return process.isAlive() ? null : process.exitValue();
    }

    public boolean waitFor(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    /** kill -9 and wait until it is gone. */
    public void kill() {
        process.destroyForcibly();
        waitFor(Duration.ofSeconds(30));
    }

    /** SIGTERM, then SIGKILL after {@code grace}. */
    public void terminate(Duration grace) {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (!waitFor(grace)) {
            kill();
        }
    }
}
