package dev.gateway.registry.tenant;

import dev.gateway.events.EventEnvelope;
import dev.gateway.registry.auth.AdminUser;
import dev.gateway.registry.auth.AdminUserRepository;
import dev.gateway.registry.auth.PasswordHasher;
import dev.gateway.registry.auth.Roles;
import dev.gateway.registry.support.AdminApiIT;
import dev.gateway.registry.support.Api;
import dev.gateway.registry.support.Await;
import dev.gateway.registry.support.Keys;
import dev.gateway.registry.support.RecordingPublisher;
import dev.gateway.registry.support.RegistryFixture;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.sse.SseClient;
import io.micronaut.http.sse.Event;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The first admin's password and its bcrypt hash: the hash goes to the provisioner in {@code tenant.created}, and
 * nowhere else: not on the SSE stream, not in API answers for viewers or admins.
 */
@MicronautTest(transactional = false)
class SecretSpreadIT extends AdminApiIT {

    private static final String CHOSEN = "correct horse battery staple";

    @Inject
    @Client("/")
    SseClient sse;

    @Inject
    RecordingPublisher published;

    @Inject
    AdminUserRepository users;

    @Inject
    PasswordHasher hasher;

    @Test
    void shouldKeepTheAdminPasswordAndItsHashOffTheStreamAndTheApi() {
        String viewerName = "viewer-" + Keys.tenantKey();
        users.save(new AdminUser(viewerName, hasher.hash("viewer-password"), Roles.VIEWER, Instant.now()));
        Api viewer = new Api(client, Api.login(client, viewerName, "viewer-password"));
        String adminToken = Api.login(client, "admin", RegistryFixture.ADMIN_PASSWORD);

        List<Event<String>> adminStream = new CopyOnWriteArrayList<>();
        List<Event<String>> viewerStream = new CopyOnWriteArrayList<>();
        Disposable admins = Flux.from(sse.eventStream(
                HttpRequest.GET("/api/gateway/events?access_token=" + adminToken), String.class))
                .subscribe(adminStream::add);
        Disposable viewers = Flux.from(sse.eventStream(HttpRequest.GET("/api/gateway/events")
                .bearerAuth(Api.login(client, viewerName, "viewer-password")), String.class))
                .subscribe(viewerStream::add);
        try {
            Await.until(Duration.ofSeconds(5), "both streams connected",
                    () -> !adminStream.isEmpty() && !viewerStream.isEmpty());
            String chosenKey = Keys.tenantKey();
            String generatedKey = Keys.tenantKey();
            api.createTenant(chosenKey, "admin_email", "ops@" + chosenKey + ".example", "admin_password", CHOSEN);
            String generated = (String) api.createTenant(generatedKey, "admin_email", "ops@" + generatedKey + ".example")
                    .get("admin_password");
            assertNotNull(generated);

            for (String key : List.of(chosenKey, generatedKey)) {
                Await.until(Duration.ofSeconds(5), "tenant.created of " + key + " on both streams",
                        () -> onStream(adminStream, key) && onStream(viewerStream, key));
                Await.until(Duration.ofSeconds(5), "tenant.created relayed", () -> !published.forTenant(key).isEmpty());
                EventEnvelope toProvisioner = published.forTenant(key).get(0);
                String hash = toProvisioner.data().get("admin_invitation_hash").asText();
                assertTrue(hash.startsWith("$2a$"), "the provisioner still gets the hash: " + hash);

                List<String> shown = List.of(
                        String.valueOf(Api.body(viewer.send(HttpRequest.GET(TENANTS + "/" + key)))),
                        String.valueOf(Api.body(api.send(HttpRequest.GET(TENANTS + "/" + key)))),
                        String.valueOf(Api.body(viewer.send(HttpRequest.GET(TENANTS + "?q=" + key)))),
                        String.valueOf(Api.body(api.send(HttpRequest.GET(TENANTS + "?q=" + key)))),
                        String.valueOf(Api.body(viewer.send(HttpRequest.GET(TENANTS + "/" + key + "/events")))),
                        dataOf(adminStream), dataOf(viewerStream));
                for (String text : shown) {
                    assertFalse(text.contains("admin_password"), text);
                    assertFalse(text.contains(hash), text);
                    assertFalse(text.contains("$2a$"), text);
                    assertFalse(text.contains(CHOSEN), text);
                    assertFalse(text.contains(generated), text);
                }
            }
        } finally {
            admins.dispose();
            viewers.dispose();
        }
    }

    private static boolean onStream(List<Event<String>> stream, String key) {
        return stream.stream().anyMatch(e -> e.getData().contains("\"tenant\":\"" + key + "\""));
    }

    private static String dataOf(List<Event<String>> stream) {
        return String.join("\n", stream.stream().map(Event::getData).toList());
    }
}
