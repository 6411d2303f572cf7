package dev.gateway.chaos.platform;

import dev.gateway.chaos.client.Http;
import dev.gateway.chaos.process.ChildProcess;
import dev.gateway.chaos.wait.Deadline;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One running copy of a service: its own port and log, started, killed and restarted by the scenarios. */
public final class ServiceInstance {

    private final Service service;
    private final int index;
    private final int port;
    private final Path jar;
    private final Path log;
    private final Path workDir;
    private final Map<String, String> environment;
    private final Http http;
    private Map<String, String> overrides = Map.of();
    private ChildProcess process;
    private int starts;

    ServiceInstance(Service service, int index, int port, Path jar, Path log, Path workDir,
                    Map<String, String> environment, Http http) {
        this.service = service;
        this.index = index;
        this.port = port;
        this.jar = jar;
        this.log = log;
        this.workDir = workDir;
        this.environment = environment;
        this.http = http;
    }

    public Service service() {
        return service;
    }

    public int index() {
        return index;
    }

    public String name() {
        return service.module() + "-" + index;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** The public port, on 127.0.0.1. */
    public int port() {
        return port;
    }

    /** The loopback management listener: /prometheus, /health with details. */
    public String managementUrl() {
        return "http://127.0.0.1:" + (port + Service.MANAGEMENT_OFFSET);
    }

    public synchronized void start() {
        if (process != null && process.alive()) {
            throw new IllegalStateException(name() + " is already running");
        }
        Map<String, String> env = new HashMap<>(environment);
        env.put(service.portVariable(), String.valueOf(port));
        env.put(service.managementPortVariable(), String.valueOf(port + Service.MANAGEMENT_OFFSET));
        env.putAll(overrides);
        List<String> command = new ArrayList<>(List.of("java"));
        command.addAll(service.jvmOptions());
        command.addAll(List.of("-jar", jar.toString()));
        process = ChildProcess.start(name(), command, env, log, workDir);
        starts++;
    }

    /** Settings this instance gets from its next start on, on top of the platform's. */
    public synchronized void override(Map<String, String> settings) {
        this.overrides = Map.copyOf(settings);
    }

    /** kill -9, like a crash. */
    public synchronized void kill() {
        if (process != null) {
            process.kill();
        }
    }

    /** SIGTERM, a graceful stop (SIGKILL after 15 s). */
    public synchronized void stop() {
        if (process != null) {
            process.terminate(Duration.ofSeconds(15));
        }
    }

    public synchronized void killAndStart() {
        kill();
        start();
    }

    public synchronized boolean alive() {
        return process != null && process.alive();
    }

    public synchronized long pid() {
        return process == null ? -1 : process.pid();
    }

    /** How often this instance was started (1 = never restarted). */
    public synchronized int starts() {
        return starts;
    }

    /** /health answers 200 (UP) within two seconds. */
    public boolean healthy() {
        return http.get(url() + "/health", Map.of(), Duration.ofSeconds(2)).is(200);
    }

    public void awaitHealthy(Deadline deadline) {
        if (!deadline.await(() -> {
            if (!alive()) {
                throw new IllegalStateException(name() + " exited while starting (exit " + process.exitCode()
                        + "); last lines of " + log + ":\n" + tail(30));
            }
            return healthy();
        }, Duration.ofMillis(250))) {
            throw new IllegalStateException(name() + " not healthy in time; last lines of " + log + ":\n" + tail(30));
        }
    }

    private long logSize() {
        try {
            return Files.exists(log) ? Files.size(log) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private String logSince(long offset) {
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long length = file.length();
            byte[] bytes = new byte[(int) Math.max(0, Math.min(length - offset, 64L << 20))];
            file.seek(Math.min(offset, length));
            file.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    public Path log() {
        return log;
    }

    private String tail(int lines) {
        String[] all = logSince(Math.max(0, logSize() - 20_000)).split("\n");
        return String.join("\n", List.of(all).subList(Math.max(0, all.length - lines), all.length));
    }
}
