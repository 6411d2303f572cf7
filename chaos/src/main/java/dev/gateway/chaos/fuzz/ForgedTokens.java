package dev.gateway.chaos.fuzz;

import java.nio.file.Path;
import java.security.PrivateKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Tokens that must all be refused or confined: admin tokens (iss tenant-registry) and tenant tokens (iss
 * app-gateway) that are expired, not yet valid, for another issuer or audience, unsigned, HS256-signed, signed by
 * another key under the real key id, or signed with the real key around claims the issuer would never write.
 */
public final class ForgedTokens {

    /** A signing key and the id its JWKS publishes it under. */
    public record Issuer(PrivateKey key, String kid) {

        /** The key a service keeps in a PKCS#8 PEM file. */
        public static Issuer fromPem(Path file, String kid) {
            return new Issuer(TokenForge.readPem(file), kid);
        }
    }

    private static final long HOUR = 3600;

    private ForgedTokens() {
    }

    public static List<String> admin(Issuer registry, long now) {
        Map<String, Object> base = claims(now);
        base.put("iss", "tenant-registry");
        base.put("aud", "gateway-admin");
        base.put("sub", "fz-forger");
        base.put("roles", List.of("admin"));
        PrivateKey other = TokenForge.randomKey();
        return List.of(
                TokenForge.unsigned(base),
                TokenForge.hs256(base, "secret"),
                TokenForge.rs256(base, other, registry.kid()),
                TokenForge.rs256(base, registry.key(), "not-the-kid"),
                signed(registry, base, c -> expire(c, now)),
                signed(registry, base, c -> c.put("nbf", now + HOUR)),
                signed(registry, base, c -> c.remove("exp")),
                signed(registry, base, c -> c.put("iss", "app-gateway")),
                signed(registry, base, c -> c.put("aud", "tenant-api")),
                signed(registry, base, c -> c.put("roles", List.of("superuser"))),
                signed(registry, base, c -> c.put("roles", "admin")),
                signed(registry, base, c -> c.put("roles", List.of())),
                signed(registry, base, c -> c.put("roles", List.of("service"))),
                signed(registry, base, c -> c.put("roles", List.of("viewer"))),
                signed(registry, base, c -> c.put("sub", "s".repeat(3000))),
                signed(registry, base, c -> c.put("sub", 42)));
    }

    /** {@code tenant}: a tenant whose key the tokens name; {@code other}, {@code ghost}: another one and a non-tenant. */
    public static List<String> tenant(Issuer gateway, String tenant, String other, String ghost, long now) {
        Map<String, Object> base = claims(now);
        base.put("iss", "app-gateway");
        base.put("aud", "tenant-api");
        base.put("sub", UUID.nameUUIDFromBytes(tenant.getBytes()).toString());
        base.put("tenant", tenant);
        base.put("role", "admin");
        PrivateKey stranger = TokenForge.randomKey();
        return List.of(
                TokenForge.unsigned(base),
                TokenForge.hs256(base, "secret"),
                TokenForge.rs256(base, stranger, gateway.kid()),
                signed(gateway, base, c -> expire(c, now)),
                signed(gateway, base, c -> c.remove("exp")),
                signed(gateway, base, c -> c.put("aud", "gateway-admin")),
                signed(gateway, base, c -> c.put("iss", "tenant-registry")),
                signed(gateway, base, c -> c.put("sub", "not-a-uuid")),
                signed(gateway, base, c -> c.put("role", "owner")),
                signed(gateway, base, c -> c.put("tenant", other)),
                signed(gateway, base, c -> c.put("tenant", ghost)),
                signed(gateway, base, c -> c.put("tenant", "../../x")),
                signed(gateway, base, c -> c.put("tenant", tenant.toUpperCase(java.util.Locale.ROOT))),
                signed(gateway, base, c -> c.put("tenant", "")),
                signed(gateway, base, c -> c.put("tenant", 123)),
                signed(gateway, base, c -> c.remove("tenant")));
    }

    private static Map<String, Object> claims(long now) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iat", now);
        claims.put("nbf", now);
        claims.put("exp", now + HOUR);
        claims.put("jti", UUID.randomUUID().toString());
        return claims;
    }

    private static void expire(Map<String, Object> claims, long now) {
        claims.put("iat", now - 2 * HOUR);
        claims.put("nbf", now - 2 * HOUR);
        claims.put("exp", now - HOUR);
    }

    private static String signed(Issuer issuer, Map<String, Object> base, Consumer<Map<String, Object>> change) {
        Map<String, Object> claims = new LinkedHashMap<>(base);
        change.accept(claims);
        return TokenForge.rs256(claims, issuer.key(), issuer.kid());
    }
}
