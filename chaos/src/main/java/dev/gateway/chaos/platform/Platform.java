package dev.gateway.chaos.platform;

import dev.gateway.chaos.client.Http;
import dev.gateway.chaos.stores.Stores;
import dev.gateway.chaos.wait.Deadline;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The platform under test: the suite's stores plus service instances started from the shaded jars. The
 * standard topology is one instance of each service; scenarios add second instances, kill, restart and
 * reconfigure them, and {@link #restartServices} brings everything back to the standard topology.
 */
public final class Platform {

    /** How often the route-publisher reconciles during a run (its default is 30 s). */
    public static final int RECONCILE_SECONDS = 10;
    public static final String ADMIN_USER = "admin";

    private final ChaosLayout layout;
    private final Ports ports;
    private final Stores stores;
    private final Http http;
    private final String adminPassword = secret();
    private final Map<String, String> environment;
    private final List<ServiceInstance> instances = new CopyOnWriteArrayList<>();

    public Platform(ChaosLayout layout, Ports ports, Stores stores, Http http) {
        this.layout = layout;
        this.ports = ports;
        this.stores = stores;
        this.http = http;
        this.environment = settings(layout, ports, adminPassword);
    }

    public void start(Deadline deadline) {
        ports.requireFree();
        stores.startFresh();
        for (Service service : Service.values()) {
            instances.add(newInstance(service, 1));
        }
        instances.forEach(ServiceInstance::start);
        instances.forEach(i -> i.awaitHealthy(deadline));
    }

    /** Back to one healthy instance per service, each freshly started with the platform's settings only. */
    public void restartServices(Deadline deadline) {
        for (ServiceInstance instance : instances) {
            instance.kill();
            if (instance.index() > 1) {
                instances.remove(instance);
            }
        }
        for (ServiceInstance instance : instances) {
            instance.override(Map.of());
            instance.start();
        }
        instances.forEach(i -> i.awaitHealthy(deadline));
    }

    public ServiceInstance instance(Service service) {
        return instances(service).get(0);
    }

    public List<ServiceInstance> instances(Service service) {
        return instances.stream().filter(i -> i.service() == service)
                .sorted(Comparator.comparingInt(ServiceInstance::index)).toList();
    }

    public List<ServiceInstance> instances() {
        return List.copyOf(instances);
    }

    /** Starts one more instance of {@code service} on its own port and log. */
    public ServiceInstance addInstance(Service service) {
        ServiceInstance added = newInstance(service, instances(service).size() + 1);
        instances.add(added);
        added.start();
        return added;
    }

    /** Stops an extra instance gracefully and forgets it. */
    public void removeInstance(ServiceInstance instance) {
        instance.stop();
        instances.remove(instance);
    }

    /** Stops every service (gracefully, then by force) and every store. */
    public void stop() {
        List<ServiceInstance> all = new ArrayList<>(instances);
        all.parallelStream().forEach(ServiceInstance::stop);
        stores.stop();
    }

    public Stores stores() {
        return stores;
    }

    public Http http() {
        return http;
    }

    public ChaosLayout layout() {
        return layout;
    }

    public String adminPassword() {
        return adminPassword;
    }

    public String registryUrl() {
        return instance(Service.REGISTRY).url();
    }

    public String provisionerUrl() {
        return instance(Service.PROVISIONER).url();
    }

    public String gatewayUrl() {
        return instance(Service.APP_GATEWAY).url();
    }

    /** The settings every service instance starts with (the CLI too). */
    public Map<String, String> environment() {
        return environment;
    }

    private static Map<String, String> settings(ChaosLayout layout, Ports ports, String adminPassword) {
        String pg = "127.0.0.1:" + ports.postgres();
        Map<String, String> env = new HashMap<>();
        env.put("GATEWAY_DB_URL", "jdbc:postgresql://" + pg + "/" + Stores.PLATFORM_DATABASE);
        env.put("GATEWAY_DB_USER", "postgres");
        env.put("GATEWAY_DB_PASSWORD", "");
        env.put("GATEWAY_REDIS_URL", "redis://127.0.0.1:" + ports.redis());
        env.put("GATEWAY_NATS_URL", "nats://127.0.0.1:" + ports.nats());
        env.put("GATEWAY_DEFAULT_POOL_HOST", pg);
        env.put("GATEWAY_POOL_SERVERS", pg);
        env.put("GATEWAY_POOL_ADMIN_USER", "postgres");
        env.put("GATEWAY_POOL_ADMIN_PASSWORD", "");
        env.put("GATEWAY_ADMIN_USER", ADMIN_USER);
        env.put("GATEWAY_ADMIN_PASSWORD", adminPassword);
        env.put("GATEWAY_SERVICE_SECRET", secret());
        env.put("GATEWAY_HOME", layout.serviceHome().toString());
        env.put("GATEWAY_REGISTRY_URL", "http://127.0.0.1:" + Service.REGISTRY.port(ports.serviceBase(), 1));
        env.put("GATEWAY_PROVISIONER_URL", "http://127.0.0.1:" + Service.PROVISIONER.port(ports.serviceBase(), 1));
        env.put("GATEWAY_USAGE_URL", "http://127.0.0.1:" + Service.USAGE_METER.port(ports.serviceBase(), 1));
        env.put("GATEWAY_PUBLIC_URL", "http://localhost:" + Service.APP_GATEWAY.port(ports.serviceBase(), 1));
        env.put("ROUTE_RECONCILE_SECONDS", String.valueOf(RECONCILE_SECONDS));
        return Map.copyOf(env);
    }

    private ServiceInstance newInstance(Service service, int index) {
        return new ServiceInstance(service, index, service.port(ports.serviceBase(), index),
                layout.jar(service.module()), layout.log(service.module() + "-" + index), layout.root(),
                environment, http);
    }

    private static String secret() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
