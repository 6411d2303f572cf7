package dev.gateway.chaos;

import dev.gateway.chaos.fuzz.FuzzSettings;
import dev.gateway.chaos.platform.ChaosLayout;
import dev.gateway.chaos.platform.Ports;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Command line and environment of a run. Ports and the PostgreSQL data directory can be moved with
 * {@code GATEWAY_CHAOS_PG_PORT}, {@code _REDIS_PORT}, {@code _NATS_PORT}, {@code _PORT_BASE} and {@code _PG_DIR}.
 */
public record ChaosOptions(boolean quick, boolean keep, boolean help, List<String> only, FuzzSettings fuzz,
                           ChaosLayout layout, Ports ports, String command) {

    public static final String USAGE = """
            Usage: bin/gateway chaos [--quick] [--only scenario,...] [--keep] [--seed N] [--fuzz-requests N]

              --quick          the CI subset: kill (40 creates), races, nats-wipe, fuzz
              --only           these scenarios, in run order: %s
              --keep           leave the platform running afterwards (for debugging)
              --seed           the fuzz scenario's seed (default: a random one, printed in the report)
              --fuzz-requests  how many requests the fuzz scenario sends (default 3000)
              --root           the repository (bin/gateway passes it)

            Runs its own PostgreSQL (:25432), Redis (:26379) and NATS (:24222) and the services on 28000+;
            writes bench/results/chaos-<UTC>.md and exits 1 when any scenario failed.""";

    public static ChaosOptions parse(String[] args, Map<String, String> env) {
        boolean quick = false;
        boolean keep = false;
        boolean help = false;
        List<String> only = new ArrayList<>();
        Long seed = null;
        Long fuzzRequests = null;
        Path root = Path.of("").toAbsolutePath();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--keep" -> keep = true;
                case "-h", "--help" -> help = true;
                case "--only" -> only.addAll(Arrays.asList(value(args, ++i, "--only").split(",")));
                case "--root" -> root = Path.of(value(args, ++i, "--root")).toAbsolutePath();
                case "--seed" -> seed = number(value(args, ++i, "--seed"), "--seed");
                case "--fuzz-requests" -> fuzzRequests = number(value(args, ++i, "--fuzz-requests"), "--fuzz-requests");
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        Ports ports = new Ports(port(env, "GATEWAY_CHAOS_PG_PORT", Ports.DEFAULT.postgres()),
                port(env, "GATEWAY_CHAOS_REDIS_PORT", Ports.DEFAULT.redis()),
                port(env, "GATEWAY_CHAOS_NATS_PORT", Ports.DEFAULT.nats()),
                port(env, "GATEWAY_CHAOS_PORT_BASE", Ports.DEFAULT.serviceBase()));
        Path home = Path.of(env.getOrDefault("GATEWAY_HOME", root.resolve(".gateway").toString())).toAbsolutePath();
        Path postgres = Path.of(env.getOrDefault("GATEWAY_CHAOS_PG_DIR",
                Path.of(System.getProperty("java.io.tmpdir"), "gateway-chaos-pg-" + ports.postgres()).toString()));
        Path results = Path.of(env.getOrDefault("GATEWAY_CHAOS_RESULTS", root.resolve("bench").resolve("results").toString()));
        ChaosLayout layout = new ChaosLayout(root, home.resolve("chaos"), postgres, results.toAbsolutePath());
        return new ChaosOptions(quick, keep, help, List.copyOf(only), FuzzSettings.of(seed, fuzzRequests), layout, ports,
                ("bin/gateway chaos " + String.join(" ", args)).replaceAll("--root \\S+ ?", "").trim());
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static long number(String value, String option) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a whole number, not " + value);
        }
    }

    private static int port(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        try {
            return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " is not a port: " + value);
        }
    }
}
