package dev.gateway.provisioner.cli;

import dev.gateway.events.TenantKey;

import java.util.UUID;

/**
 * {@code migrate -t acme | --all [--parallel 8] [--skip-failing] [--canary N] | --resume RUN_ID | --drift}.
 */
public record MigrateArguments(String tenant, boolean all, int parallel, boolean skipFailing, int canary,
                               UUID resume, boolean drift) {

    public static final String USAGE = """
            usage: migrate -t <tenant>
                   migrate --all [--parallel 8] [--skip-failing] [--canary N]
                   migrate --resume <run-id>
                   migrate --drift""";

    public static MigrateArguments parse(String[] args) {
        String tenant = null;
        boolean all = false;
        boolean skipFailing = false;
        boolean drift = false;
        int parallel = 8;
        int canary = 0;
        UUID resume = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "-t", "--tenant" -> tenant = value(args, ++i, "--tenant");
                case "--all" -> all = true;
                case "--skip-failing" -> skipFailing = true;
                case "--drift" -> drift = true;
                case "--parallel" -> parallel = number(value(args, ++i, "--parallel"), "--parallel", 1);
                case "--canary" -> canary = number(value(args, ++i, "--canary"), "--canary", 0);
                case "--resume" -> resume = runId(value(args, ++i, "--resume"));
                default -> throw new IllegalArgumentException("unknown argument: " + args[i]);
            }
        }
        int modes = (tenant != null ? 1 : 0) + (all ? 1 : 0) + (resume != null ? 1 : 0) + (drift ? 1 : 0);
        if (modes != 1) {
            throw new IllegalArgumentException("choose exactly one of -t, --all, --resume, --drift");
        }
        if (tenant != null && TenantKey.problem(tenant) != null) {
            throw new IllegalArgumentException("-t: " + TenantKey.problem(tenant));
        }
        return new MigrateArguments(tenant, all, parallel, skipFailing, canary, resume, drift);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static int number(String value, String option, int min) {
        try {
            int n = Integer.parseInt(value);
            if (n < min) {
                throw new IllegalArgumentException(option + " must be at least " + min);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a number, was '" + value + "'");
        }
    }

    private static UUID runId(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--resume needs a run id, was '" + value + "'");
        }
    }
}
