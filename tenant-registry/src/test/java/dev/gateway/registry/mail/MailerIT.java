package dev.gateway.registry.mail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gateway.events.EventCodec;
import dev.gateway.events.EventEnvelope;
import dev.gateway.events.EventType;
import dev.gateway.events.MailRequest;
import dev.gateway.events.Stream;
import dev.gateway.registry.support.AdminApiIT;
import dev.gateway.registry.support.Api;
import dev.gateway.registry.support.Await;
import dev.gateway.registry.support.Keys;
import dev.gateway.registry.support.PrivateMailDev;
import dev.gateway.registry.support.RegistryFixture;
import dev.gateway.registry.support.TestDb;
import dev.gateway.runtime.EventRuntime;
import dev.gateway.runtime.consumer.DurableConsumer;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.nats.client.JetStream;
import io.nats.client.JetStreamManagement;
import io.nats.client.JetStreamSubscription;
import io.nats.client.Message;
import io.nats.client.PublishOptions;
import io.nats.client.PushSubscribeOptions;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.DeliverPolicy;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The mailer against a real MailDev and JetStream: mails of the signup journey go out through the outbox relay and
 * the MAIL consumer; each mail.send is sent once however often it is delivered; what can never be sent is parked.
 */
@MicronautTest(transactional = false)
class MailerIT extends AdminApiIT {

    private static final PrivateMailDev MAILDEV = PrivateMailDev.start();
    private static final String OPERATOR = "review@platform.example";

    @Inject
    JetStream jetStream;

    @Inject
    JetStreamManagement streams;

    @Inject
    EventRuntime events;

    @Override
    public Map<String, String> getProperties() {
        return RegistryFixture.properties("test.publisher", "jetstream", "gateway.mail.smtp-url", MAILDEV.smtpUrl(),
                "gateway.signups.operator-emails", OPERATOR);
    }

    @Test
    void shouldMailTheSignupJourneyWithAnInvitationWhoseHashTheTenantHolds() {
        String key = Keys.tenantKey();
        String founder = "founder@" + key + ".example";
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("company_name", "Acme " + key);
        fields.put("key", key);
        fields.put("admin_email", founder);
        fields.put("plan", "starter");
        HttpResponse<Map> signup = new Api(client, null).send(HttpRequest.POST("/api/platform/signups", fields));
        assertEquals(202, signup.code(), String.valueOf(signup.getBody(Map.class)));
        String id = (String) Api.body(signup).get("id");
        Await.until(PrivateMailDev.WAIT, "the signup-received mail", () -> MAILDEV.to(founder).size() == 1);
        Await.until(PrivateMailDev.WAIT, "the operator's mail", () -> MAILDEV.to(OPERATOR).stream()
                .anyMatch(m -> m.path("text").asText().contains(key)));
        assertEquals("We received the signup of Acme " + key, MAILDEV.to(founder).get(0).path("subject").asText());

        assertEquals(200, api.send(HttpRequest.POST("/api/gateway/signups/" + id + "/approve", Map.of())).code());

        Await.until(PrivateMailDev.WAIT, "the signup-approved mail", () -> MAILDEV.to(founder).size() == 2);
        JsonNode approved = MAILDEV.to(founder).get(1);
        assertEquals("Your workspace for Acme " + key + " is approved", approved.path("subject").asText());
        String text = approved.path("text").asText();
        String link = text.lines().filter(l -> l.startsWith("http://" + key + ".localhost:8000/activate#")).findFirst()
                .orElseThrow(() -> new AssertionError("no activation link in " + text));
        assertTrue(approved.path("html").asText().contains("href=\"" + link + "\""), approved.path("html").asText());
        assertEquals(sha256(link.substring(link.indexOf('#') + 1)), TestDb.rows(
                "SELECT admin_invitation_hash FROM registry.tenant WHERE key = ?", key).get(0).get("admin_invitation_hash"));
        assertTrue(approved.path("messageId").asText().endsWith("@localhost"), approved.path("messageId").asText());
        assertTrue(approved.path("from").toString().contains("no-reply@localhost"), approved.path("from").toString());

        Await.until(PrivateMailDev.WAIT, "mail requests gone from the outbox and the MAIL stream", () ->
                TestDb.rows("SELECT 1 FROM registry.outbox WHERE subject = 'mail.send'").isEmpty() && mailStreamEmpty());
    }

    @Test
    void shouldMailAnAddressItsWorkspacesOrThatItHasNone() {
        String key = Keys.tenantKey();
        String lead = "lead@" + key + ".example";
        String stranger = "stranger@" + key + ".example";
        api.createTenant(key, "admin_email", lead);

        for (String email : new String[] {lead, stranger}) {
            assertEquals(202, new Api(client, null).send(HttpRequest.POST("/api/platform/workspaces/lookup",
                    Map.of("email", email))).code());
        }

        Await.until(PrivateMailDev.WAIT, "both lookup mails", () -> MAILDEV.to(stranger).size() == 1
                && MAILDEV.to(lead).stream().anyMatch(m -> m.path("subject").asText().equals("Your workspaces")));
        String listed = MAILDEV.to(lead).stream().filter(m -> m.path("subject").asText().equals("Your workspaces"))
                .findFirst().orElseThrow().path("text").asText();
        assertTrue(listed.contains(key + " — http://" + key + ".localhost:8000"), listed);
        assertTrue(MAILDEV.to(stranger).get(0).path("text").asText().contains("no workspace has this address"));
    }

    @Test
    void shouldSendAMailOnceWhenItsRequestIsDeliveredTwice() throws Exception {
        String to = "twice@" + Keys.tenantKey() + ".example";
        EventEnvelope request = mailSend(to, "join-approved",
                Map.of("company_name", "Initech", "signin_url", "http://initech.localhost:8000/login"));

        jetStream.publish(request.type(), EventCodec.encode(request));
        jetStream.publish(request.type(), EventCodec.encode(request));

        Await.until(PrivateMailDev.WAIT, "the mail", () -> MAILDEV.to(to).size() == 1);
        Await.until(PrivateMailDev.WAIT, "both deliveries acknowledged", this::mailStreamEmpty);
        assertEquals(1, MAILDEV.to(to).size(), "sent once");
        assertEquals("<" + request.id() + "@localhost>",
                MAILDEV.to(to).get(0).path("headers").path("message-id").asText());
        assertEquals(1, TestDb.rows("SELECT 1 FROM registry.mail_delivery WHERE event_id = ? AND recipient = ?",
                request.id(), to).size());
    }

    @Test
    void shouldEscapeParamsInTheHtmlPartOnly() throws Exception {
        String to = "escape@" + Keys.tenantKey() + ".example";
        EventEnvelope request = mailSend(to, "join-rejected",
                Map.of("company_name", "<b>Ben & Jerry's</b>", "reason", "no <script>"));

        jetStream.publish(request.type(), EventCodec.encode(request));

        Await.until(PrivateMailDev.WAIT, "the mail", () -> MAILDEV.to(to).size() == 1);
        JsonNode mail = MAILDEV.to(to).get(0);
        assertTrue(mail.path("html").asText().contains("&lt;b&gt;Ben &amp; Jerry&#39;s&lt;/b&gt;"), mail.path("html").asText());
        assertFalse(mail.path("html").asText().contains("<script>"));
        assertTrue(mail.path("text").asText().contains("<b>Ben & Jerry's</b>"), mail.path("text").asText());
        assertTrue(mail.path("text").asText().contains("Reason: no <script>"), mail.path("text").asText());
    }

    @Test
    void shouldParkRequestsThatCanNeverBeSentWithTheReason() throws Exception {
        JetStreamSubscription dlq = jetStream.subscribe(Stream.deadLetterSubject(mailer().durable()),
                PushSubscribeOptions.builder().ordered(true)
                        .configuration(ConsumerConfiguration.builder().deliverPolicy(DeliverPolicy.New).build()).build());
        String to = "parked@" + Keys.tenantKey() + ".example";
        EventEnvelope unknown = mailSend(to, "no-such-template", Map.of());
        EventEnvelope badAddress = mailSend("not an address", "join-approved",
                Map.of("company_name", "Initech", "signin_url", "http://initech.localhost:8000/login"));
        EventEnvelope missingParam = mailSend(to, "join-approved", Map.of("company_name", "Initech"));

        for (EventEnvelope poison : new EventEnvelope[] {unknown, badAddress, missingParam}) {
            jetStream.publish(poison.type(), EventCodec.encode(poison), PublishOptions.builder().messageId(poison.id()).build());
        }

        assertEquals("unknown mail template 'no-such-template'", reasonOf(dlq, unknown));
        assertEquals("the recipient is not a valid email address", reasonOf(dlq, badAddress));
        assertEquals("mail template 'join-approved' needs signin_url", reasonOf(dlq, missingParam));
        assertEquals(0, MAILDEV.to(to).size());
        dlq.unsubscribe();
    }

    private String reasonOf(JetStreamSubscription dlq, EventEnvelope event) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 15_000;
        while (System.currentTimeMillis() < deadline) {
            Message m = dlq.nextMessage(Duration.ofMillis(500));
            if (m != null && EventCodec.decode(m.getData()).id().equals(event.id())) {
                return m.getHeaders().getFirst("Gateway-Dead-Letter-Reason");
            }
        }
        throw new AssertionError("no dead letter for " + event.id());
    }

    private DurableConsumer mailer() {
        DurableConsumer consumer = events.consumers().stream().filter(c -> c.durable().startsWith("tenant-registry-mail"))
                .findFirst().orElse(null);
        assertNotNull(consumer, "the mail consumer");
        return consumer;
    }

    private boolean mailStreamEmpty() {
        try {
            return streams.getStreamInfo("MAIL").getStreamState().getMsgCount() == 0;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static EventEnvelope mailSend(String to, String template, Map<String, String> params) {
        return EventEnvelope.of(EventType.MAIL_SEND, "initech", 0, null, new MailRequest(to, template, params));
    }

    private static String sha256(String text) throws IllegalStateException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
