package dev.gateway.chaos.scenario;

import dev.gateway.chaos.client.AdminApi;
import dev.gateway.chaos.client.Metrics;
import dev.gateway.chaos.platform.Service;
import dev.gateway.chaos.platform.ServiceInstance;
import dev.gateway.chaos.stores.Sql;
import dev.gateway.chaos.workload.CreationLoad;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Two instances of every consumer (registry, provisioner, route-publisher) while tenants are created through
 * both registries: both instances of each must do part of the work, and nothing may happen twice.
 */
public final class TwoInstancesScenario implements Scenario {

    /** The registry logs one line per provisioning result it applied. */
    private static final Pattern REGISTRY_APPLIED = Pattern.compile("provisioning\\.\\w+ revision \\d+: applied");

    @Override
    public String name() {
        return "two-instances";
    }

    @Override
    public String prefix() {
        return "ti";
    }

    @Override
    public String description() {
        return "a second instance of registry, provisioner and route-publisher during creates sent to both registries";
    }

    @Override
    public Duration budget(boolean quick) {
        return Duration.ofMinutes(6);
    }

    @Override
    public void run(ScenarioContext ctx) {
        List<ServiceInstance> seconds = new ArrayList<>();
        try {
            for (Service service : List.of(Service.REGISTRY, Service.PROVISIONER, Service.ROUTE_PUBLISHER)) {
                seconds.add(ctx.platform().addInstance(service));
            }
            seconds.forEach(i -> i.awaitHealthy(ctx.deadline().atMost(Duration.ofMinutes(2))));
            ctx.log("second instances healthy");
            Map<String, Long> logOffsets = new LinkedHashMap<>();
            ctx.platform().instances().forEach(i -> logOffsets.put(i.name(), i.logSize()));
            Map<String, Long> before = work(ctx, logOffsets, Map.of());
            List<AdminApi> registries = ctx.platform().instances(Service.REGISTRY).stream()
                    .map(r -> ctx.admin().at(r.url())).toList();
            int creates = ctx.quick() ? 30 : 100;
            try (CreationLoad load = ctx.creations(creates).apis(i -> registries.get(i % registries.size()))
                    .perSecond(5).start()) {
                load.awaitDone(ctx.deadline());
            }
            ctx.awaitConvergence("converged with two instances each", Duration.ofMinutes(2));
            judgeSplit(ctx, work(ctx, logOffsets, before));
            judgeOnce(ctx);
        } finally {
            seconds.forEach(ctx.platform()::removeInstance);
        }
    }

    /**
     * Work done per instance since {@code before}: results applied (counted in the registry's log from {@code
     * logOffsets} on), tenants provisioned, routes announced (from their metrics).
     */
    private static Map<String, Long> work(ScenarioContext ctx, Map<String, Long> logOffsets, Map<String, Long> before) {
        Map<String, Long> done = new LinkedHashMap<>();
        for (ServiceInstance instance : ctx.platform().instances()) {
            if (instance.service() == Service.APP_GATEWAY) {
                continue;
            }
            double total = switch (instance.service()) {
                case REGISTRY -> count(REGISTRY_APPLIED, instance.logSince(logOffsets.getOrDefault(instance.name(), 0L)));
                case PROVISIONER -> Metrics.scrape(ctx.platform().http(), instance.url())
                        .sum("gateway_provisioner_operation_seconds_count", "operation=\"provision\"");
                case ROUTE_PUBLISHER -> Metrics.scrape(ctx.platform().http(), instance.url())
                        .sum("routes_announced_total", "");
                case APP_GATEWAY -> throw new IllegalArgumentException("the app-gateway consumes no events");
            };
            done.put(instance.name(), Math.round(total) - before.getOrDefault(instance.name(), 0L));
        }
        return done;
    }

    private static void judgeSplit(ScenarioContext ctx, Map<String, Long> during) {
        ctx.result().measure("work per instance (results applied / tenants provisioned / routes announced)",
                during.toString());
        List<String> idle = new ArrayList<>();
        for (Service service : List.of(Service.REGISTRY, Service.PROVISIONER, Service.ROUTE_PUBLISHER)) {
            ctx.platform().instances(service).stream().filter(i -> during.getOrDefault(i.name(), 0L) <= 0)
                    .forEach(i -> idle.add(i.name()));
        }
        ctx.result().check("work split: every instance did part of it", idle.isEmpty(),
                idle.isEmpty() ? "all " + during.size() + " instances worked" : "idle: " + idle);
    }

    /** Without crashes, each tenant is provisioned once (unless the registry re-emitted an unanswered request). */
    private static void judgeOnce(ScenarioContext ctx) {
        try (Sql sql = ctx.stores().platformDb()) {
            List<String> twice = sql.strings("SELECT p.tenant || ' ×' || count(*) FROM provisioner.outbox p"
                    + " WHERE p.tenant LIKE ? AND p.subject = 'provisioning.succeeded'"
                    + " AND (SELECT count(*) FROM registry.outbox r WHERE r.tenant = p.tenant"
                    + " AND r.subject = 'tenant.created') = 1 GROUP BY p.tenant HAVING count(*) > 1", ctx.prefix() + "-%");
            ctx.result().check("each tenant provisioned by one instance, once", twice.isEmpty(),
                    twice.isEmpty() ? "one provisioning.succeeded per tenant" : twice.toString());
        }
    }

    private static double count(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
