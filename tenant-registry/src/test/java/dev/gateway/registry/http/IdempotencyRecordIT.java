package dev.gateway.registry.http;

import dev.gateway.registry.support.AdminApiIT;
import dev.gateway.registry.support.Api;
import dev.gateway.registry.support.Keys;
import dev.gateway.registry.support.RegistryFixture;
import dev.gateway.registry.support.TestDb;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** An Idempotency-Key record holds no password in any form: not in its fingerprint, not in its stored answer. */
@MicronautTest(transactional = false)
class IdempotencyRecordIT extends AdminApiIT {

    @Test
    void shouldStoreOnlyAKeyedFingerprintOfTheRequestAndNoInvitationHash() throws Exception {
        String key = Keys.tenantKey();
        String idem = UUID.randomUUID().toString();
        Map<String, Object> request = Map.of("key", key, "company_name", "Initech", "admin_email", "ops@initech.example");
        HttpResponse<Map> first = api.send(HttpRequest.POST(TENANTS, request).header("Idempotency-Key", idem));
        assertEquals(202, first.code());

        Map<String, Object> row = TestDb.rows("SELECT request_hash, body FROM registry.idempotency_key WHERE key = ?",
                idem).get(0);
        String fingerprint = (String) row.get("request_hash");
        String hash = (String) TestDb.rows("SELECT admin_invitation_hash FROM registry.tenant WHERE key = ?", key).get(0)
                .get("admin_invitation_hash");
        assertFalse(((String) row.get("body")).contains(hash));
        assertFalse(((String) row.get("body")).contains("admin_invitation_hash"));
        String canonical = "POST /tenants\u0000{\"key\":\"" + key + "\",\"company_name\":\"Initech\",\"pool_id\":null,"
                + "\"plan\":null,\"admin_email\":\"ops@initech.example\",\"admin_password\":null}";
        assertEquals(hmac(canonical), fingerprint, "HMAC-SHA256 with the server secret");
        assertNotEquals(sha256(canonical), fingerprint);

        HttpResponse<Map> replay = api.send(HttpRequest.POST(TENANTS, request).header("Idempotency-Key", idem));
        assertEquals("true", replay.header("Idempotent-Replayed"));
        assertEquals(Api.body(first).get("id"), Api.body(replay).get("id"));
    }

    @Test
    void shouldReplayACreateWithoutTheInvitationShownOnce() {
        String key = Keys.tenantKey();
        String idem = UUID.randomUUID().toString();
        Map<String, Object> request = Map.of("key", key, "company_name", "Initech");
        HttpResponse<Map> first = api.send(HttpRequest.POST(TENANTS, request).header("Idempotency-Key", idem));
        @SuppressWarnings("unchecked")
        String url = ((Map<String, String>) Api.body(first).get("invitation")).get("url");
        String token = url.substring(url.indexOf('#') + 1);
        String stored = (String) TestDb.rows("SELECT body FROM registry.idempotency_key WHERE key = ?", idem).get(0)
                .get("body");
        assertFalse(stored.contains(token), stored);
        assertFalse(stored.contains("invitation"), stored);
        HttpResponse<Map> replay = api.send(HttpRequest.POST(TENANTS, request).header("Idempotency-Key", idem));
        assertEquals("true", replay.header("Idempotent-Replayed"));
        assertNull(Api.body(replay).get("invitation"));
        assertEquals(Api.body(first).get("id"), Api.body(replay).get("id"));
    }

    @Test
    void shouldKeepNoRecordOfARefusedAdminPassword() {
        String idem = UUID.randomUUID().toString();
        HttpResponse<Map> refused = api.send(HttpRequest.POST(TENANTS, Map.of("key", Keys.tenantKey(),
                "company_name", "Initech", "admin_password", "correct horse battery staple"))
                .header("Idempotency-Key", idem));

        assertEquals(400, refused.code());
        assertEquals(List.of(), TestDb.rows("SELECT 1 FROM registry.idempotency_key WHERE key = ?", idem));
    }

    private static String hmac(String text) throws Exception {
        Path file = Path.of(RegistryFixture.properties().get("gateway.auth.home"), "keys", "idempotency-secret");
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Files.readString(file).strip().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
