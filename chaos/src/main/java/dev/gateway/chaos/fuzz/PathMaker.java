package dev.gateway.chaos.fuzz;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

/**
 * Request targets: an endpoint's template filled with real, unknown or garbage values, sometimes bent (slashes,
 * dot segments, encodings, case), plus paths nobody serves and queries with garbage paging. A change (any method
 * but GET and HEAD) never names an anchor tenant: its tenant is the victim, a ghost or garbage.
 */
final class PathMaker {

    static final List<String> STRAY_PATHS = List.of("/", "/prometheus", "/env", "/beans", "/loggers", "/threaddump",
            "/refresh", "/metrics", "/health/liveness", "/health/readiness", "/health/details", "/swagger/",
            "/routes", "/api", "/api/", "/api/gateway", "/api/gateway/", "/favicon.ico", "/index.html", "/assets/",
            "/.env", "/WEB-INF/web.xml", "/%2e%2e/%2e%2e/etc/passwd", "/api/me/../../api/gateway/tenants", "//api//me",
            "/API/ME", "/api/me;jsessionid=1", "/api/me%00", "/api/me.json", "/*", "/%25", "/%zz", "/%ff%fe",
            "/api/gateway/tenants/%2F..%2Fpools", "/a/" + "b".repeat(3000), "/\u00fcnï/日本");
    private static final List<String> BAD_SEGMENTS = List.of("", "%00", "..", "%2e%2e", "a%2Fb", "%zz", "%ff",
            "-1", "0", "null", "%20", "~", "a;b=c", "UPPER", "x".repeat(300), "%27%20or%20%271%27%3D%271",
            "%E2%80%AE", "%F0%9F%98%80", "ünï", "9".repeat(30));
    private static final List<String> QUERY_NAMES = List.of("limit", "cursor", "status", "q", "tenant", "from", "to",
            "group_by", "metric", "", "limit[]", "%zz", "a".repeat(200));
    private static final List<String> LIMITS = List.of("-1", "0", "1", "100", "101", "1000000",
            "99999999999999999999", "abc", "1.5", "", "%00", "1e3", "+5", "%205", "0x10");
    private static final List<String> CURSORS = List.of("garbage", "", "!!!", "e30", "eyJpZCI6IngifQ", "AAAA",
            "____", "%00", "eyJ", "x".repeat(2000), "MTIz", "bnVsbA", "W10=");

    private final FuzzFixture fixture;

    PathMaker(FuzzFixture fixture) {
        this.fixture = fixture;
    }

    String target(Endpoint endpoint, String method, Random r) {
        String path = fill(endpoint.template(), method, r);
        if (Garbage.chance(r, 0.15)) {
            path = bend(path, r);
        }
        return path + query(endpoint.paged() ? 0.7 : 0.1, r);
    }

    /** The endpoint's own path, filled but not bent. */
    String plainTarget(Endpoint endpoint, String method, Random r) {
        return fill(endpoint.template(), method, r) + query(endpoint.paged() ? 0.7 : 0.1, r);
    }

    String strayTarget(Random r) {
        return Garbage.pick(r, STRAY_PATHS) + query(0.2, r);
    }

    private String fill(String template, String method, Random r) {
        boolean change = !method.equals("GET") && !method.equals("HEAD");
        return template.replace("{key}", encodeSegment(key(change, r)))
                .replace("{id}", id(r))
                .replace("{projectId}", id(r))
                .replace("{runId}", Garbage.chance(r, 0.7) ? new UUID(r.nextLong(), r.nextLong()).toString()
                        : Garbage.pick(r, BAD_SEGMENTS));
    }

    private String key(boolean change, Random r) {
        List<String> keys = new ArrayList<>(List.of(fixture.victim(), Garbage.pick(r, fixture.ghosts())));
        if (!change) {
            keys.addAll(fixture.anchorKeys());
        }
        return Garbage.chance(r, 0.8) ? Garbage.pick(r, keys) : Garbage.pick(r, BAD_SEGMENTS);
    }

    private String id(Random r) {
        int roll = r.nextInt(10);
        if (roll < 4 && !fixture.knownIds().isEmpty()) {
            return Garbage.pick(r, fixture.knownIds());
        }
        return roll < 7 ? new UUID(r.nextLong(), r.nextLong()).toString() : Garbage.pick(r, BAD_SEGMENTS);
    }

    private static String bend(String path, Random r) {
        return switch (r.nextInt(8)) {
            case 0 -> path + "/";
            case 1 -> path.replace("/", "//");
            case 2 -> path.toUpperCase(Locale.ROOT);
            case 3 -> path + ";x=y";
            case 4 -> path + "/..";
            case 5 -> path + "/" + Garbage.pick(r, BAD_SEGMENTS);
            case 6 -> encodeFirstLetter(path);
            default -> path + "%00";
        };
    }

    /** {@code /api/me} as {@code /%61pi/me}: the same path to a decoder, another to a naive matcher. */
    private static String encodeFirstLetter(String path) {
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c >= 'a' && c <= 'z') {
                return path.substring(0, i) + "%" + Integer.toHexString(c).toUpperCase(Locale.ROOT) + path.substring(i + 1);
            }
        }
        return path;
    }

    private String query(double probability, Random r) {
        if (!Garbage.chance(r, probability)) {
            return "";
        }
        List<String> params = new ArrayList<>();
        int count = 1 + r.nextInt(3);
        for (int i = 0; i < count; i++) {
            String name = Garbage.pick(r, QUERY_NAMES);
            params.add(Garbage.chance(r, 0.1) ? name : name + "=" + queryValue(name, r));
        }
        if (Garbage.chance(r, 0.05)) {
            params.add("access_token=" + (r.nextBoolean() ? fixture.adminToken() : Garbage.printable(r, 40)));
        }
        return "?" + String.join("&", params);
    }

    private static String queryValue(String name, Random r) {
        return switch (name) {
            case "limit" -> Garbage.pick(r, LIMITS);
            case "cursor" -> Garbage.pick(r, CURSORS);
            default -> encodeValue(Garbage.string(r), r);
        };
    }

    /** Percent-encoded as a browser would, or now and then sent raw where that keeps the request line intact. */
    private static String encodeValue(String value, Random r) {
        String shortened = value.length() > 4000 ? value.substring(0, 4000) : value;
        boolean sendable = shortened.chars().noneMatch(c -> c <= 0x20 || c == 0x7f || c == '#' || c == '&');
        return sendable && Garbage.chance(r, 0.2) ? shortened : URLEncoder.encode(shortened, StandardCharsets.UTF_8);
    }

    private static String encodeSegment(String key) {
        return key.chars().anyMatch(c -> c <= 0x20 || c == 0x7f) ? URLEncoder.encode(key, StandardCharsets.UTF_8) : key;
    }
}
