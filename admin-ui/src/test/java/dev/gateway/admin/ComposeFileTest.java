package dev.gateway.admin;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docker-compose.yml cannot be run on machines without a Docker engine, so its wiring is checked
 * against the services' own configuration: one compose service per service module, published on the
 * port the module listens on, with only environment variables the module actually reads.
 */
class ComposeFileTest {

    private static final Pattern PORT = Pattern.compile("port:\\s*\\$\\{(\\w+):(\\d+)}");

    private static Path root;
    private static Map<String, Object> services;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void readCompose() throws IOException {
        root = Path.of("").toAbsolutePath();
        while (!Files.exists(root.resolve("docker-compose.yml"))) {
            root = root.getParent();
            assertNotNull(root, "docker-compose.yml not found above the module");
        }
        Map<String, Object> compose = new Yaml().load(Files.readString(root.resolve("docker-compose.yml")));
        services = (Map<String, Object>) compose.get("services");
    }

    static Stream<String> serviceModules() throws IOException {
        readCompose();
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.filter(d -> Files.exists(d.resolve("pom.xml")))
                    .filter(d -> Files.exists(d.resolve("src/main/resources/application.yml")))
                    .map(d -> d.getFileName().toString())
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    @Test
    void shouldHaveAServiceForEachOfTheFiveServiceModules() throws IOException {
        List<String> modules = serviceModules().toList();

        assertEquals(List.of("admin-ui", "app-gateway", "provisioner", "route-publisher", "tenant-registry"), modules);
        modules.forEach(m -> assertTrue(services.containsKey(m), "compose service for " + m));
    }

    @ParameterizedTest
    @MethodSource("serviceModules")
    void shouldPublishThePortTheModuleListensOn(String module) throws IOException {
        Matcher port = PORT.matcher(applicationYml(module));
        assertTrue(port.find(), module + " binds its port from an env variable");

        Map<String, Object> service = service(module);
        assertTrue(((List<?>) service.get("ports")).contains(port.group(2) + ":" + port.group(2)),
                module + " publishes " + port.group(2));
        assertEquals(port.group(2), String.valueOf(environment(module).get(port.group(1))));
    }

    @ParameterizedTest
    @MethodSource("serviceModules")
    void shouldOnlySetEnvironmentVariablesTheModuleReads(String module) throws IOException {
        String config = applicationYml(module) + Files.readString(resources(module).resolve("logback.xml"));

        environment(module).keySet().forEach(name -> assertTrue(
                config.contains("${" + name + ":") || config.contains("${" + name + "}"),
                module + " does not read " + name + " from its application.yml or logback.xml"));
    }

    @ParameterizedTest
    @MethodSource("serviceModules")
    @SuppressWarnings("unchecked")
    void shouldWaitForHealthyDependenciesAndReportItsOwnHealth(String module) {
        Map<String, Object> service = service(module);
        Map<String, Map<String, String>> dependsOn = (Map<String, Map<String, String>>) service.get("depends_on");

        assertNotNull(dependsOn, module + " declares depends_on");
        dependsOn.forEach((dep, cond) -> {
            assertTrue(services.containsKey(dep), dep + " is a compose service");
            assertEquals("service_healthy", cond.get("condition"), module + " waits for healthy " + dep);
        });
        String healthcheck = String.valueOf(((Map<String, Object>) service.get("healthcheck")).get("test"));
        assertTrue(healthcheck.contains("/health"), module + " health check calls /health");
        assertTrue(String.valueOf(service.get("image")).startsWith("eclipse-temurin:17"), module + " runs on a Java 17 JRE");
    }

    @Test
    void shouldRunTraefikV36OnTheRedisProviderWithKeyspaceNotifications() {
        String traefik = String.valueOf(service("traefik").get("command"));
        assertEquals("traefik:v3.6", service("traefik").get("image"));
        assertTrue(traefik.contains("--providers.redis.rootkey=traefik"), traefik);
        assertTrue(traefik.contains("--api.dashboard=true"), traefik);
        assertTrue(String.valueOf(service("redis").get("command")).contains("notify-keyspace-events"));
        assertTrue(String.valueOf(service("postgres").get("image")).startsWith("postgres:16"));
        assertTrue(String.valueOf(service("nats").get("command")).contains("-js"));
    }

    @Test
    void shouldRunTheControlPlaneOnC1AndTheAppGatewayOnC2() {
        for (String module : List.of("tenant-registry", "provisioner", "route-publisher", "admin-ui")) {
            assertTrue(String.valueOf(service(module).get("command")).contains("-XX:TieredStopAtLevel=1"), module);
        }
        String gateway = String.valueOf(service("app-gateway").get("command"));
        assertTrue(gateway.contains("-jar") && !gateway.contains("TieredStopAtLevel"), gateway);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> service(String name) {
        Map<String, Object> service = (Map<String, Object>) services.get(name);
        assertNotNull(service, "compose service " + name);
        return service;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> environment(String module) {
        return (Map<String, Object>) service(module).get("environment");
    }

    private static String applicationYml(String module) throws IOException {
        return Files.readString(resources(module).resolve("application.yml"));
    }

    private static Path resources(String module) {
        return root.resolve(module).resolve("src/main/resources");
    }
}
