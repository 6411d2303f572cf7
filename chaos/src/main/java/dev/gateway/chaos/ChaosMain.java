package dev.gateway.chaos;

import dev.gateway.chaos.scenario.Scenarios;

/**
 * {@code java -jar chaos.jar [--quick] [--only a,b] [--keep] [--seed N] [--fuzz-requests N] [--root <repo>]}: exit 0 all
 * passed, 1 failures, 2 usage.
 */
public final class ChaosMain {

    private ChaosMain() {
    }

    public static void main(String[] args) {
        ChaosOptions options;
        try {
            options = ChaosOptions.parse(args, System.getenv());
            Scenarios.select(options.quick(), options.only());
        } catch (IllegalArgumentException e) {
            System.err.println("chaos: " + e.getMessage());
            System.err.println(usage());
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.println(usage());
            return;
        }
        System.exit(new ChaosSuite(options).run());
    }

    private static String usage() {
        return ChaosOptions.USAGE.formatted(String.join(", ", Scenarios.names()));
    }
}
