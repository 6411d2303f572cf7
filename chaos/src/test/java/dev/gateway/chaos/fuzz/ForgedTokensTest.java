package dev.gateway.chaos.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ForgedTokensTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long NOW = 1_800_000_000L;

    @Test
    void adminForgeriesAreSignedWithTheIssuersKeyWhereTheyClaimItsKid() throws Exception {
        RSAPrivateCrtKey key = (RSAPrivateCrtKey) TokenForge.randomKey();
        List<String> tokens = ForgedTokens.admin(new ForgedTokens.Issuer(key, "kid-1"), NOW);
        assertEquals(tokens.size(), tokens.stream().distinct().count());
        assertEquals("none", header(tokens.get(0)).path("alg").asText());
        assertEquals("", tokens.get(0).substring(tokens.get(0).lastIndexOf('.') + 1));
        assertEquals("HS256", header(tokens.get(1)).path("alg").asText());
        assertFalse(verifies(tokens.get(2), key), "another key under the real kid");
        JsonNode expired = claims(tokens.get(4));
        assertTrue(expired.path("exp").asLong() < NOW);
        assertTrue(verifies(tokens.get(4), key));
        assertEquals("kid-1", header(tokens.get(4)).path("kid").asText());
        assertEquals("tenant-registry", expired.path("iss").asText());
    }

    @Test
    void tenantForgeriesNameOtherTenantsAndBreakEachClaim() throws Exception {
        RSAPrivateCrtKey key = (RSAPrivateCrtKey) TokenForge.randomKey();
        List<String> tokens = ForgedTokens.tenant(new ForgedTokens.Issuer(key, "kid-2"), "fz-d-0900", "fz-s-0901",
                "fz-ghost-1", NOW);
        List<String> tenants = tokens.stream().map(t -> claims(t).path("tenant").asText("<none>")).toList();
        assertTrue(tenants.containsAll(List.of("fz-d-0900", "fz-s-0901", "fz-ghost-1", "../../x", "", "123", "<none>")));
        assertTrue(tokens.stream().skip(3).allMatch(t -> verifies(t, key)));
    }

    private static JsonNode header(String token) throws Exception {
        return JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[0]));
    }

    private static JsonNode claims(String token) {
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean verifies(String token, RSAPrivateCrtKey key) {
        try {
            int lastDot = token.lastIndexOf('.');
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initVerify(KeyFactory.getInstance("RSA").generatePublic(
                    new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent())));
            rsa.update(token.substring(0, lastDot).getBytes(StandardCharsets.US_ASCII));
            return rsa.verify(Base64.getUrlDecoder().decode(token.substring(lastDot + 1)));
        } catch (Exception e) {
            return false;
        }
    }
}
