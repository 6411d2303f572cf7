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

/**
 * Two instances of every consumer (registry, provisioner, route-publisher) while tenants are created through
 * both registries: both instances of each must do part of the work, and nothing may happen twice.
 */
public final class TwoInstancesScenario implements Scenario {

    /** Every consumer counts the events whose handling changed something, per durable. */
    private static final String APPLIED = "events_consumer_handled_total";

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
            Map<String, Long> before = work(ctx, Map.of());
            List<AdminApi> registries = ctx.platform().instances(Service.REGISTRY).stream()
                    .map(r -> ctx.admin().at(r.url())).toList();
            int creates = ctx.quick() ? 30 : 100;
            try (CreationLoad load = ctx.creations(creates).apis(i -> registries.get(i % registries.size()))
                    .perSecond(5).start()) {
                load.awaitDone(ctx.deadline());
            }
            ctx.awaitConvergence("converged with two instances each", Duration.ofMinutes(2));
            judgeSplit(ctx, work(ctx, before));
            judgeOnce(ctx);
        } finally {
            seconds.forEach(ctx.platform()::removeInstance);
        }
    }

    /** Events each consumer instance applied since {@code before} (results, provisionings, route writes). */
    private static Map<String, Long> work(ScenarioContext ctx, Map<String, Long> before) {
        Map<String, Long> done = new LinkedHashMap<>();
        for (ServiceInstance instance : ctx.platform().instances()) {
            if (instance.service() == Service.APP_GATEWAY) {
                continue;
            }
            double total = Metrics.scrape(ctx.platform().http(), instance.managementUrl()).sum(APPLIED, "outcome=\"applied\"");
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
}
