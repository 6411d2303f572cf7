package dev.gateway.chaos.fuzz;

import dev.gateway.chaos.fuzz.FuzzRequest.Header;
import dev.gateway.chaos.platform.Service;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

/**
 * Request headers: Host, credentials (none, valid, another service's, forged, garbage), tenant, Content-Type,
 * Accept, Idempotency-Key, correlation id, X-Forwarded-For and a few strays, each valid, wrong or garbage. Values
 * never hold CR or LF (the message must stay one request); control characters and oversize values are rare.
 */
final class HeaderMaker {

    private static final List<String> CONTENT_TYPES = List.of("text/plain", "application/xml", "multipart/form-data",
            "multipart/form-data; boundary=x", "application/json; charset=garbage-cs", "application/json; charset=utf-16",
            "garbage", "", "*/*", "application/problem+json", "application/merge-patch+json", "application/octet-stream",
            "text/event-stream", BodyMaker.FORM, "application/json;;;", "application/json; charset=");
    private static final List<String> ACCEPTS = List.of("application/json", "application/problem+json", "text/html",
            "*/*", "text/event-stream", "application/xml", "a/b;q=x", "", "text/csv", "*/*;q=0", "image/png");
    private static final List<String> FORWARDED = List.of("1.2.3.4", "1.2.3.4, 5.6.7.8", "::1", "999.1.1.1", "",
            "unknown", "garbage", "1.2.3.4:80", "[::1]:80", "203.0.113.9, x", "2001:db8::" + "1:".repeat(20));
    private static final List<String> SCHEMES = List.of("Bearer", "Bearer ", "Bearer a.b.c", "Basic Zm9vOmJhcg==",
            "Basic ===", "Digest x", "Negotiate", "Bearer eyJhbGciOiJub25lIn0", "Bearer e30.e30.", "Token x");

    private final FuzzFixture fixture;

    HeaderMaker(FuzzFixture fixture) {
        this.fixture = fixture;
    }

    List<Header> make(Service service, String method, BodyMaker.Body body, Random r) {
        List<Header> headers = new ArrayList<>();
        if (Garbage.chance(r, 0.97)) {
            headers.add(new Header("Host", host(r)));
        }
        String authorization = authorization(service, r);
        if (authorization != null) {
            headers.add(new Header("Authorization", authorization));
        }
        if (Garbage.chance(r, service == Service.APP_GATEWAY ? 0.6 : 0.1)) {
            headers.add(new Header("X-Tenant-ID", tenant(r)));
        }
        contentType(body, r, headers);
        optional(headers, r, 0.5, "Accept", Garbage.pick(r, ACCEPTS));
        optional(headers, r, method.equals("POST") ? 0.3 : 0.05, "Idempotency-Key", idempotencyKey(r));
        optional(headers, r, 0.15, "X-Correlation-ID",
                r.nextBoolean() ? new UUID(r.nextLong(), r.nextLong()).toString() : text(r));
        optional(headers, r, 0.15, "X-Forwarded-For", Garbage.pick(r, FORWARDED));
        stray(headers, r);
        return headers;
    }

    private String host(Random r) {
        String tenant = Garbage.pick(r, List.of(Garbage.pick(r, fixture.anchorKeys()), fixture.victim(),
                Garbage.pick(r, fixture.ghosts())));
        return Garbage.pick(r, List.of("localhost", "127.0.0.1", tenant + ".localhost", tenant + ".localhost:28000",
                "www.localhost", "localhost:notaport", "", "garbage host", "[::1]", "[garbage", "a..b",
                "x".repeat(300) + ".localhost", "ÜNÏ.localhost", tenant.toUpperCase(Locale.ROOT) + ".LOCALHOST",
                tenant + ".localhost.evil.example", tenant + ".other.example", text(r)));
    }

    private String authorization(Service service, Random r) {
        boolean tenantApi = service == Service.APP_GATEWAY;
        String own = tenantApi ? Garbage.pick(r, fixture.anchors()).token() : fixture.adminToken();
        String foreign = tenantApi ? fixture.adminToken() : Garbage.pick(r, fixture.anchors()).token();
        List<String> forged = tenantApi ? fixture.forgedTenantTokens() : fixture.forgedAdminTokens();
        int roll = r.nextInt(100);
        if (roll < 17) {
            return null;
        } else if (roll < 55) {
            return "Bearer " + own;
        } else if (roll < 75) {
            return "Bearer " + Garbage.pick(r, forged);
        } else if (roll < 82) {
            return "Bearer " + foreign;
        }
        return switch (r.nextInt(6)) {
            case 0 -> "bearer " + own;
            case 1 -> "Bearer " + own.substring(0, own.length() - 5);
            case 2 -> "Bearer " + own + " " + foreign;
            case 3 -> "Bearer " + Garbage.printable(r, 20 + r.nextInt(5000));
            default -> Garbage.pick(r, SCHEMES);
        };
    }

    private String tenant(Random r) {
        String anchor = Garbage.pick(r, fixture.anchorKeys());
        return Garbage.pick(r, List.of(anchor, anchor, fixture.victim(), Garbage.pick(r, fixture.ghosts()), "",
                anchor.toUpperCase(Locale.ROOT), " " + anchor + " ", String.join(",", fixture.anchorKeys()), text(r)));
    }

    private static void contentType(BodyMaker.Body body, Random r, List<Header> headers) {
        boolean hasBody = body.bytes() != null;
        if (hasBody && body.contentType() != null && Garbage.chance(r, 0.75)) {
            headers.add(new Header("Content-Type", body.contentType() + (Garbage.chance(r, 0.2) ? "; charset=utf-8" : "")));
        } else if (Garbage.chance(r, hasBody ? 0.8 : 0.08)) {
            headers.add(new Header("Content-Type", Garbage.pick(r, CONTENT_TYPES)));
        }
        if (hasBody && Garbage.chance(r, 0.04)) {
            headers.add(new Header("Content-Encoding", Garbage.pick(r, List.of("gzip", "deflate", "br", "garbage"))));
        }
    }

    private static String idempotencyKey(Random r) {
        return switch (r.nextInt(6)) {
            case 0 -> "";
            case 1, 2 -> "fz-idem-" + r.nextInt(3);
            case 3 -> Garbage.printable(r, 300);
            case 4 -> "k".repeat(5000);
            default -> new UUID(r.nextLong(), r.nextLong()).toString();
        };
    }

    private static void stray(List<Header> headers, Random r) {
        switch (r.nextInt(50)) {
            case 0 -> headers.add(new Header("Origin", "https://evil.example"));
            case 1 -> headers.add(new Header("Cookie", text(r)));
            case 2 -> headers.add(new Header("Range", "bytes=garbage"));
            case 3 -> headers.add(new Header(Garbage.printable(r, 10).replaceAll("[^A-Za-z0-9-]", "x"), text(r)));
            case 4 -> headers.add(new Header("If-None-Match", text(r)));
            case 5 -> headers.add(new Header("Content-Type", Garbage.pick(r, CONTENT_TYPES)));
            case 6 -> headers.add(new Header("X-Fuzz", "\u0001\u0002" + Garbage.printable(r, 10)));
            case 7 -> headers.add(new Header("X-Fuzz", "v".repeat(10_000)));
            case 8 -> headers.add(new Header("User-Agent", Garbage.unicode(r, 20)));
            default -> {
            }
        }
    }

    private static void optional(List<Header> headers, Random r, double probability, String name, String value) {
        if (Garbage.chance(r, probability)) {
            headers.add(new Header(name, value));
        }
    }

    /** Garbage fit for a header value: no CR, LF or other control character, at most 2000 characters. */
    private static String text(Random r) {
        String value = Garbage.string(r).replaceAll("[\\x00-\\x08\\x0a-\\x1f\\x7f]", "");
        return value.length() > 2000 ? value.substring(0, 2000) : value;
    }
}
