package dev.gateway.chaos.fuzz;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.gateway.chaos.platform.Service;
import dev.gateway.events.TenantKey;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RequestGeneratorTest {

    private static final FuzzFixture FIXTURE = Fixtures.fixture();
    private static final RequestGenerator GENERATOR = new RequestGenerator(FIXTURE);
    private static final List<FuzzRequest> MANY = GENERATOR.generate(7, 6_000);

    @Test
    void theSameSeedMakesTheSameRequests() {
        List<FuzzRequest> first = GENERATOR.generate(42, 500);
        List<FuzzRequest> again = new RequestGenerator(Fixtures.fixture()).generate(42, 500);
        for (int i = 0; i < first.size(); i++) {
            assertArrayEquals(first.get(i).wire(), again.get(i).wire(), "request " + i);
        }
    }

    @Test
    void aRequestDependsOnlyOnSeedAndIndex() {
        assertArrayEquals(GENERATOR.generate(42, 500).get(321).wire(), GENERATOR.request(42, 321).wire());
    }

    @Test
    void anotherSeedMakesOtherRequests() {
        List<FuzzRequest> a = GENERATOR.generate(1, 200);
        List<FuzzRequest> b = GENERATOR.generate(2, 200);
        long same = 0;
        for (int i = 0; i < a.size(); i++) {
            same += Arrays.equals(a.get(i).wire(), b.get(i).wire()) ? 1 : 0;
        }
        assertTrue(same < 10, same + " of 200 identical");
    }

    @Test
    void everyRunCoversEveryKnownRouteOfEveryPortWithItsOwnMethod() {
        int rounds = Arrays.stream(Service.values()).mapToInt(s -> ApiCatalog.of(s).size()).max().orElseThrow();
        for (long seed : new long[]{1, 11, 123_456_789_012L}) {
            assertCovers(GENERATOR.generate(seed, rounds * Service.values().length));
        }
    }

    private static void assertCovers(List<FuzzRequest> run) {
        for (Service service : Service.values()) {
            for (Endpoint endpoint : ApiCatalog.of(service)) {
                Pattern route = Pattern.compile(endpoint.template().replaceAll("\\{[a-zA-Z]+}", "[^/?]*") + "([?].*)?",
                        Pattern.DOTALL);
                assertTrue(run.stream().anyMatch(r -> r.service() == service && r.method().equals(endpoint.method())
                        && route.matcher(r.target()).matches()),
                        service + " " + endpoint.method() + " " + endpoint.template() + " never sent");
            }
        }
    }

    @Test
    void requestsGoToEveryPortInTurnWithEveryMethodAndStrayPaths() {
        List<FuzzRequest> run = GENERATOR.generate(11, 3000);
        for (Service service : Service.values()) {
            assertEquals(3000 / Service.values().length, run.stream().filter(r -> r.service() == service).count(),
                    service.module());
        }
        assertEquals(Set.copyOf(RequestGenerator.METHODS), run.stream().map(FuzzRequest::method).collect(Collectors.toSet()));
        assertTrue(run.stream().filter(r -> PathMaker.STRAY_PATHS.stream().anyMatch(p -> r.target().startsWith(p)
                && !p.equals("/"))).count() > 100);
    }

    @Test
    void bodiesAndHeadersIncludeEachBrokenKind() {
        Set<String> bodies = new HashSet<>();
        for (FuzzRequest r : MANY) {
            String body = r.bodyText();
            if (r.body() != null && r.body().length == 0) {
                bodies.add("empty");
            }
            if (body.contains("\\u0000")) {
                bodies.add("nul");
            }
            if (body.startsWith("[[[[[[[[[[") || body.startsWith("{\"a\":{\"a\":")) {
                bodies.add("deep");
            }
            if (r.body() != null && r.body().length > 60_000) {
                bodies.add("huge");
            }
            if (body.contains("\uFFFD")) {
                bodies.add("not utf-8");
            }
        }
        assertEquals(Set.of("empty", "nul", "deep", "huge", "not utf-8"), bodies);
        for (String header : List.of("Host", "Authorization", "Content-Type", "Accept", "X-Tenant-ID",
                "Idempotency-Key", "X-Correlation-ID", "X-Forwarded-For", "Content-Encoding")) {
            assertTrue(MANY.stream().anyMatch(r -> header(r, header) != null), header);
        }
        assertTrue(MANY.stream().anyMatch(r -> header(r, "Host") == null));
        assertTrue(MANY.stream().anyMatch(r -> ("Bearer " + Fixtures.ADMIN_TOKEN).equals(header(r, "Authorization"))));
        assertTrue(MANY.stream().anyMatch(r -> "Bearer forged.tenant.2".equals(header(r, "Authorization"))));
    }

    @Test
    void noRequestCanCreateATenantOrChangeAnAnchor() throws IOException {
        List<String> anchors = FIXTURE.anchorKeys();
        for (FuzzRequest r : MANY) {
            String path = percentDecoded(r.target().split("[?]")[0]);
            if (!r.method().equals("GET") && !r.method().equals("HEAD")) {
                assertTrue(anchors.stream().noneMatch(path::contains), r.describe(FIXTURE));
            }
            boolean creates = path.endsWith("/tenants") || path.endsWith("/tenants/") || path.endsWith("/signups");
            for (String key : creates ? values(r, Set.of("key")) : List.<String>of()) {
                assertTrue(!TenantKey.isValid(key) || anchors.contains(key), "creatable key in " + r.describe(FIXTURE));
            }
            assertFalse(values(r, Set.of("all")).contains("true"), r.describe(FIXTURE));
            assertFalse(values(r, Set.of("username")).contains("admin"), r.describe(FIXTURE));
            assertTrue(values(r, Set.of("email")).stream().noneMatch(e -> e.startsWith("admin@fz-")), r.describe(FIXTURE));
            assertTrue(values(r, Set.of("host")).stream().noneMatch(h -> h.startsWith("127.0.0.1:")
                    || h.equals("127.0.0.1") || h.equals("localhost")), r.describe(FIXTURE));
        }
    }

    @Test
    void noRequestCarriesWhatTheLeakCheckLooksFor() {
        for (FuzzRequest r : MANY) {
            String wire = new String(r.wire(), StandardCharsets.UTF_8);
            assertEquals(java.util.Optional.empty(), LeakMarkers.find(wire), r.describe(FIXTURE));
        }
    }

    @Test
    void noHeaderValueBreaksTheMessageFraming() {
        for (FuzzRequest r : MANY) {
            r.headers().forEach(h -> assertTrue(h.value().indexOf('\r') < 0 && h.value().indexOf('\n') < 0,
                    r.describe(FIXTURE)));
            assertTrue(r.target().chars().noneMatch(c -> c <= 0x20), r.describe(FIXTURE));
        }
    }

    /** Every value of a field with one of these names, in a JSON body (each occurrence) or a form body. */
    private static List<String> values(FuzzRequest r, Set<String> names) throws IOException {
        List<String> found = new ArrayList<>();
        String body = r.bodyText();
        if (body.contains("=") && !body.trim().startsWith("{")) {
            for (String pair : body.split("&")) {
                String[] nameValue = pair.split("=", 2);
                if (nameValue.length == 2 && names.contains(decode(nameValue[0]))) {
                    found.add(decode(nameValue[1]));
                }
            }
            return found;
        }
        try (JsonParser parser = new JsonFactory().createParser(body)) {
            int depth = 0;
            for (JsonToken t = parser.nextToken(); t != null; t = parser.nextToken()) {
                depth += t.isStructStart() ? 1 : t.isStructEnd() ? -1 : 0;
                if (t == JsonToken.FIELD_NAME && depth == 1 && names.contains(parser.currentName())) {
                    JsonToken value = parser.nextToken();
                    found.add(value == JsonToken.VALUE_NULL ? "<null>"
                            : value.isScalarValue() ? parser.getText() : value.asString());
                    depth += value.isStructStart() ? 1 : 0;
                }
            }
        } catch (IOException malformed) {
            return found;
        }
        return found;
    }

    private static String header(FuzzRequest r, String name) {
        return r.headers().stream().filter(h -> h.name().equalsIgnoreCase(name)).map(FuzzRequest.Header::value)
                .findFirst().orElse(null);
    }

    /** Every valid %XX decoded (as a server would), invalid ones left as they are. */
    private static String percentDecoded(String path) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        byte[] raw = path.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] == '%' && i + 2 < raw.length && Character.digit(raw[i + 1], 16) >= 0
                    && Character.digit(raw[i + 2], 16) >= 0) {
                bytes.write(Character.digit(raw[i + 1], 16) * 16 + Character.digit(raw[i + 2], 16));
                i += 2;
            } else {
                bytes.write(raw[i]);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8).toLowerCase(java.util.Locale.ROOT);
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }
}
