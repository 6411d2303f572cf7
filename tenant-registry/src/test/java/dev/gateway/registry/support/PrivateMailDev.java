package dev.gateway.registry.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.gateway.testing.LoopbackPorts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A MailDev of the tests' own (the npm package bin/gateway deps installs under tools/maildev, installed here with
 * npm ci when missing), on free ports, started once per JVM. Mails are read through its REST API.
 */
public final class PrivateMailDev {

    /** How long a test waits for a mail to arrive. */
    public static final Duration WAIT = Duration.ofSeconds(15);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static PrivateMailDev instance;

    private final int smtpPort;
    private final int webPort;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private PrivateMailDev(int smtpPort, int webPort) {
        this.smtpPort = smtpPort;
        this.webPort = webPort;
    }

    public static synchronized PrivateMailDev start() {
        if (instance == null) {
            try {
                Path tool = root().resolve("tools/maildev");
                Path binary = tool.resolve("node_modules/.bin/maildev");
                if (!Files.isExecutable(binary)) {
                    run(tool, "npm", "ci", "--no-audit", "--no-fund");
                }
                int smtp = LoopbackPorts.free();
                int web = LoopbackPorts.free();
                Path log = Files.createTempFile("maildev-it", ".log");
                Process server = new ProcessBuilder(binary.toString(), "--smtp", String.valueOf(smtp), "--web",
                        String.valueOf(web), "--ip", "127.0.0.1", "--web-ip", "127.0.0.1",
                        "--mail-directory", Files.createTempDirectory("maildev-it").toString())
                        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
                Runtime.getRuntime().addShutdownHook(new Thread(server::destroy));
                awaitPort(web, server, log);
                awaitPort(smtp, server, log);
                instance = new PrivateMailDev(smtp, web);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return instance;
    }

    public String smtpUrl() {
        return "smtp://127.0.0.1:" + smtpPort;
    }

    /** Every mail caught so far, as MailDev's REST API shows it. */
    public List<JsonNode> emails() {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + webPort
                    + "/email")).build(), HttpResponse.BodyHandlers.ofString());
            List<JsonNode> mails = new ArrayList<>();
            JSON.readTree(r.body()).forEach(mails::add);
            return mails;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The mails sent to {@code address}. */
    public List<JsonNode> to(String address) {
        return emails().stream().filter(m -> m.path("envelope").path("to").toString().contains("\"" + address + "\""))
                .toList();
    }

    private static void run(Path dir, String... command) throws IOException {
        try {
            Process install = new ProcessBuilder(command).directory(dir.toFile()).inheritIO().start();
            if (install.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed in " + dir);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void awaitPort(int port, Process server, Path log) throws IOException {
        Instant deadline = Instant.now().plusSeconds(20);
        while (Instant.now().isBefore(deadline) && server.isAlive()) {
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
        throw new IllegalStateException("MailDev did not start: " + Files.readString(log));
    }

    private static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("tools/maildev/package.json"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("tools/maildev/package.json not found above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
