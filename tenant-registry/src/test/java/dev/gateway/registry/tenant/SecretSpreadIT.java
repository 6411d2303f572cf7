package dev.gateway.registry.tenant;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.gateway.events.MailRequest;
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
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The first admin's invitation: its token only in the link (the operator's 202, or the mail request), its SHA-256
 * only in {@code tenant.created} for the provisioner; neither on the SSE stream, in API answers for viewers or
 * admins, nor in the log.
 */
@MicronautTest(transactional = false)
class SecretSpreadIT extends AdminApiIT {

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
    void shouldKeepTheInvitationTokenAndItsHashOffTheStreamTheApiAndTheLog() {
        String viewerName = "viewer-" + Keys.tenantKey();
        users.save(new AdminUser(viewerName, hasher.hash("viewer-password"), Roles.VIEWER, Instant.now()));
        Api viewer = new Api(client, Api.login(client, viewerName, "viewer-password"));
        String adminToken = Api.login(client, "admin", RegistryFixture.ADMIN_PASSWORD);

        List<Event<String>> adminStream = new CopyOnWriteArrayList<>();
        List<Event<String>> viewerStream = new CopyOnWriteArrayList<>();
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        Logger root = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        log.start();
        root.addAppender(log);
        Disposable admins = Flux.from(sse.eventStream(
                HttpRequest.GET("/api/gateway/events?access_token=" + adminToken), String.class))
                .subscribe(adminStream::add);
        Disposable viewers = Flux.from(sse.eventStream(HttpRequest.GET("/api/gateway/events")
                .bearerAuth(Api.login(client, viewerName, "viewer-password")), String.class))
                .subscribe(viewerStream::add);
        try {
            Await.until(Duration.ofSeconds(5), "both streams connected",
                    () -> !adminStream.isEmpty() && !viewerStream.isEmpty());
            String mailedKey = Keys.tenantKey();
            String shownKey = Keys.tenantKey();
            api.createTenant(mailedKey, "admin_email", "ops@" + mailedKey + ".example");
            @SuppressWarnings("unchecked")
            String shownUrl = ((Map<String, String>) api.createTenant(shownKey).get("invitation")).get("url");
            Await.until(Duration.ofSeconds(5), "the invitation mail request relayed",
                    () -> published.forTenant(mailedKey).size() == 2);
            String mailedUrl = published.forTenant(mailedKey).get(1).dataAs(MailRequest.class).params().get("activate_url");

            for (String key : List.of(mailedKey, shownKey)) {
                String token = (key.equals(mailedKey) ? mailedUrl : shownUrl).replaceAll(".*#", "");
                Await.until(Duration.ofSeconds(5), "tenant.created of " + key + " on both streams",
                        () -> onStream(adminStream, key) && onStream(viewerStream, key));
                Await.until(Duration.ofSeconds(5), "tenant.created relayed", () -> !published.forTenant(key).isEmpty());
                String hash = published.forTenant(key).get(0).data().get("admin_invitation_hash").asText();
                assertEquals(TenantApiIT.sha256(token), hash, "the provisioner gets the token's hash");

                List<String> shown = List.of(
                        String.valueOf(Api.body(viewer.send(HttpRequest.GET(TENANTS + "/" + key)))),
                        String.valueOf(Api.body(api.send(HttpRequest.GET(TENANTS + "/" + key)))),
                        String.valueOf(Api.body(viewer.send(HttpRequest.GET(TENANTS + "?q=" + key)))),
                        String.valueOf(Api.body(api.send(HttpRequest.GET(TENANTS + "?q=" + key)))),
                        String.valueOf(Api.body(viewer.send(HttpRequest.GET(TENANTS + "/" + key + "/events")))),
                        dataOf(adminStream), dataOf(viewerStream),
                        String.join("\n", log.list.stream().map(ILoggingEvent::getFormattedMessage).toList()));
                for (String text : shown) {
                    assertFalse(text.contains(token), text);
                    assertFalse(text.contains(hash), text);
                    assertFalse(text.contains("admin_invitation_hash"), text);
                    assertFalse(text.contains("mail.send"), text);
                }
            }
        } finally {
            admins.dispose();
            viewers.dispose();
            root.detachAppender(log);
        }
    }

    private static boolean onStream(List<Event<String>> stream, String key) {
        return stream.stream().anyMatch(e -> e.getData().contains("\"tenant\":\"" + key + "\""));
    }

    private static String dataOf(List<Event<String>> stream) {
        return String.join("\n", stream.stream().map(Event::getData).toList());
    }
}
