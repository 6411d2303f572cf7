package dev.gateway.app.db;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How much database work one tenant may have at once, so that one tenant cannot take every connection.
 *
 * @param concurrency      transactions of one tenant running at once, for plans not listed in {@code plans}
 * @param statementTimeout longest statement, for plans not listed
 * @param maxWait          how long a transaction waits for one of its tenant's places before 503 {@code tenant-busy}
 * @param timeCapacity     connections' worth of slow work (connection time beyond eight typical transactions') per
 *                         second, shared among the active tenants by their plans' concurrency; a tenant past its
 *                         share waits even while connections are free
 * @param plans            per plan: {@code plan=concurrency/timeout[,…]}, e.g. {@code starter=2/2s,enterprise=8/30s}
 *                         (timeout in {@code ms} or {@code s})
 */
@ConfigurationProperties("gateway.db.limits")
public record TenantLimits(int concurrency, Duration statementTimeout, Duration maxWait, int timeCapacity,
                           @Nullable String plans) {

    private static final Pattern PLAN = Pattern.compile("^([a-z0-9_-]{1,64})=([0-9]{1,4})/([0-9]{1,7})(ms|s)$");

    public TenantLimits {
        if (concurrency < 1 || statementTimeout.isNegative() || statementTimeout.isZero() || maxWait.isNegative()
                || timeCapacity < 1) {
            throw new IllegalArgumentException("gateway.db.limits: concurrency >= 1, statement-timeout > 0, "
                    + "max-wait >= 0 and time-capacity >= 1 are required");
        }
        byPlan(plans, concurrency, statementTimeout);
    }

    /** The limits of a plan. */
    public PlanLimits of(String plan) {
        return byPlan(plans, concurrency, statementTimeout).getOrDefault(plan,
                new PlanLimits(concurrency, statementTimeout));
    }

    private static Map<String, PlanLimits> byPlan(@Nullable String spec, int concurrency, Duration timeout) {
        Map<String, PlanLimits> limits = new HashMap<>();
        if (spec == null || spec.isBlank()) {
            return limits;
        }
        for (String entry : spec.split(",")) {
            Matcher m = PLAN.matcher(entry.trim());
            if (!m.matches() || Integer.parseInt(m.group(2)) < 1 || Long.parseLong(m.group(3)) < 1) {
                throw new IllegalArgumentException("gateway.db.limits.plans (GATEWAY_APP_DB_PLAN_LIMITS) must read "
                        + "plan=concurrency/timeout[,…] with a timeout in ms or s, e.g. starter=2/2s; was " + spec);
            }
            long amount = Long.parseLong(m.group(3));
            limits.put(m.group(1), new PlanLimits(Integer.parseInt(m.group(2)),
                    "s".equals(m.group(4)) ? Duration.ofSeconds(amount) : Duration.ofMillis(amount)));
        }
        return limits;
    }

    /** One plan's share of the database: concurrent transactions and the longest statement. */
    public record PlanLimits(int concurrency, Duration statementTimeout) {
    }
}
