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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docker-compose.yml cannot be run on machines without a Docker engine, so its wiring is checked
 * against the services' own configuration and deploy/: one compose service per service module, listening on
 * the port the module reads, with only environment variables the module actually reads; nothing published but
 * Traefik and the admin UI; no secret with a default; Redis and NATS with the users and permissions of deploy/.
 */
class ComposeFileTest {

    private static final Pattern PORT = Pattern.compile("port:\\s*\\$\\{(\\w+):(\\d+)}");
    /** A value taken from the environment with no default: compose stops when it is not set. */
    private static final Pattern REQUIRED = Pattern.compile("\\$\\{[A-Z0-9_]+:\\?[^}]+}");
    private static final Pattern SECRET_NAME = Pattern.compile(".*(PASSWORD|SECRET|TOKEN|CREDS).*");

    private static Path root;
    private static String text;
    private static Map<String, Object> services;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void readCompose() throws IOException {
        root = Path.of("").toAbsolutePath();
        while (!Files.exists(root.resolve("docker-compose.yml"))) {
            root = root.getParent();
            assertNotNull(root, "docker-compose.yml not found above the module");
        }
        text = Files.readString(root.resolve("docker-compose.yml"));
        Map<String, Object> compose = new Yaml().load(text);
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
    void shouldHaveAServiceForEachOfTheSixServiceModules() throws IOException {
        List<String> modules = serviceModules().toList();

        assertEquals(List.of("admin-ui", "app-gateway", "provisioner", "route-publisher", "tenant-registry",
                "usage-meter"), modules);
        modules.forEach(m -> assertTrue(services.containsKey(m), "compose service for " + m));
    }

    @ParameterizedTest
    @MethodSource("serviceModules")
    void shouldListenOnThePortTheModuleReads(String module) throws IOException {
        Matcher port = PORT.matcher(applicationYml(module));
        assertTrue(port.find(), module + " binds its port from an env variable");

        assertEquals(port.group(2), String.valueOf(environment(module).get(port.group(1))));
    }

    @Test
    void shouldPublishOnlyTraefikAndTheAdminUi() {
        services.keySet().forEach(name -> {
            Object ports = service(name).get("ports");
            switch (name) {
                case "traefik" -> assertEquals(List.of("80:80"), ports, "Traefik publishes the tenants' port only");
                case "admin-ui" -> assertEquals(List.of("8001:8001"), ports);
                case "maildev" -> assertEquals(List.of("127.0.0.1:1080:1080"), ports, "the caught mails, to this host only");
                default -> assertNull(ports, name + " publishes nothing: " + ports);
            }
            assertNull(service(name).get("expose"), name);
        });
    }

    @Test
    void shouldTakeEverySecretFromTheEnvironmentWithoutADefault() {
        assertFalse(Pattern.compile("\\$\\{[A-Z0-9_]*(PASSWORD|SECRET|TOKEN)[A-Z0-9_]*:?-").matcher(text).find(),
                "a secret with a default");
        services.keySet().forEach(name -> environmentOf(name).forEach((key, value) -> {
            String seen = name + " " + key + "=" + value;
            if (SECRET_NAME.matcher(key).matches() && !key.endsWith("_USER")) {
                assertTrue(REQUIRED.matcher(String.valueOf(value)).matches(), "required, no default: " + seen);
            }
            if (String.valueOf(value).matches("\\w+://[^/]*@.*")) {
                assertTrue(REQUIRED.matcher(String.valueOf(value)).find(), "a URL's password is required: " + seen);
            }
        }));
    }

    @Test
    void shouldRunTraefikWithoutItsDashboardAndAsItsOwnReadOnlyRedisUser() {
        assertFalse(text.contains("api.insecure") || text.contains("API_INSECURE"), "no insecure API");
        assertFalse(text.contains("api.dashboard") || text.contains("API_DASHBOARD"), "no dashboard");
        Map<String, Object> traefik = environmentOf("traefik");
        assertEquals("traefik", traefik.get("TRAEFIK_PROVIDERS_REDIS_USERNAME"));
        assertTrue(REQUIRED.matcher(String.valueOf(traefik.get("TRAEFIK_PROVIDERS_REDIS_PASSWORD"))).matches());
        assertNull(service("traefik").get("command"), "one source of static configuration: the environment");
    }

    @Test
    void shouldStartRedisWithTheUsersOfDeploy() throws IOException {
        Map<String, Object> redis = service("redis");
        assertTrue(String.valueOf(redis.get("entrypoint")).contains("/deploy/redis-server.sh"), String.valueOf(redis));
        assertTrue(String.valueOf(redis.get("volumes")).contains("./deploy/redis:/deploy:ro"));
        Matcher variable = Pattern.compile("\\$\\{(REDIS_PASSWORD_\\w+)}")
                .matcher(Files.readString(root.resolve("deploy/redis/users.acl")));
        int users = 0;
        while (variable.find()) {
            users++;
            assertTrue(REQUIRED.matcher(String.valueOf(environmentOf("redis").get(variable.group(1)))).matches(),
                    variable.group(1) + " set for redis");
        }
        assertEquals(5, users, "tenant-registry, route-publisher, app-gateway, usage-meter, traefik");
        for (String user : List.of("tenant-registry", "route-publisher", "app-gateway", "usage-meter")) {
            assertTrue(String.valueOf(environment(user).get("GATEWAY_REDIS_URL")).startsWith("redis://" + user + ":${"),
                    user + " logs in as its own Redis user");
        }
    }

    @Test
    void shouldStartNatsWithTheUsersAndPermissionsOfDeploy() throws IOException {
        Map<String, Object> nats = service("nats");
        assertTrue(String.valueOf(nats.get("command")).contains("/deploy/compose.conf"), String.valueOf(nats));
        assertTrue(String.valueOf(nats.get("volumes")).contains("./deploy/nats:/deploy:ro"));
        assertTrue(Files.readString(root.resolve("deploy/nats/compose.conf")).contains("include ./nats-server.conf"));
        String conf = Files.readString(root.resolve("deploy/nats/nats-server.conf"));
        Matcher user = Pattern.compile("\\{user: ([a-z-]+), password: \\$(NATS_PASSWORD_\\w+)").matcher(conf);
        int users = 0;
        while (user.find()) {
            users++;
            assertTrue(REQUIRED.matcher(String.valueOf(environmentOf("nats").get(user.group(2)))).matches(),
                    user.group(2) + " set for nats");
            if (services.containsKey(user.group(1)) && environment(user.group(1)).containsKey("GATEWAY_NATS_URL")) {
                assertEquals(user.group(1), environment(user.group(1)).get("GATEWAY_NATS_USER"));
                assertEquals(environmentOf("nats").get(user.group(2)),
                        environment(user.group(1)).get("GATEWAY_NATS_PASSWORD"), user.group(1) + "'s password");
            }
        }
        assertEquals(5, users);
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
        assertEquals("eclipse-temurin:25-jre", service.get("image"), module + " runs on a JRE with virtual threads");
    }

    @Test
    void shouldRunTraefikV36OnTheRedisProviderWithKeyspaceNotifications() {
        assertEquals("traefik:v3.6", service("traefik").get("image"));
        assertEquals("traefik", environmentOf("traefik").get("TRAEFIK_PROVIDERS_REDIS_ROOTKEY"));
        assertEquals("redis:6379", environmentOf("traefik").get("TRAEFIK_PROVIDERS_REDIS_ENDPOINTS"));
        assertTrue(String.valueOf(service("redis").get("command")).contains("notify-keyspace-events"));
        assertTrue(String.valueOf(service("postgres").get("image")).startsWith("postgres:16"));
        assertTrue(String.valueOf(service("nats").get("command")).contains("-js"));
    }

    @Test
    void shouldRunTheControlPlaneOnC1AndTheAppGatewayAndUsageMeterOnC2() {
        for (String module : List.of("tenant-registry", "provisioner", "route-publisher", "admin-ui")) {
            assertTrue(String.valueOf(service(module).get("command")).contains("-XX:TieredStopAtLevel=1"), module);
        }
        for (String module : List.of("app-gateway", "usage-meter")) {
            String command = String.valueOf(service(module).get("command"));
            assertTrue(command.contains("-jar") && !command.contains("TieredStopAtLevel"), module + ": " + command);
        }
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

    private static Map<String, Object> environmentOf(String service) {
        Map<String, Object> environment = environment(service);
        return environment == null ? Map.of() : environment;
    }

    private static String applicationYml(String module) throws IOException {
        return Files.readString(resources(module).resolve("application.yml"));
    }

    private static Path resources(String module) {
        return root.resolve(module).resolve("src/main/resources");
    }
}
