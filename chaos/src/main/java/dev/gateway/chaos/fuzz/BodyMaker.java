package dev.gateway.chaos.fuzz;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * Request bodies: an endpoint's object with plausible, wrong-typed or garbage fields (as JSON, with a field
 * twice, or as a form), or one of the broken kinds: none, empty, malformed JSON, another top-level type, nesting
 * deeper than any parser allows, bytes that are not UTF-8.
 */
final class BodyMaker {

    /** A body and the Content-Type it is written in (null: none fits). */
    record Body(byte[] bytes, String contentType) {
    }

    static final String JSON = "application/json";
    static final String FORM = "application/x-www-form-urlencoded";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final List<String> BROKEN = List.of("{", "{\"", "{\"key\": }", "{\"key\": \"x\",}",
            "{'key': 'x'}", "{\"a\":1}}", "[1,2", "nul", "tru", "{\"a\":\"\\x00\"}", "{\"a\":01}", "{\"a\":NaN}",
            "{\"a\":Infinity}", "{\"a\":1e99999}", "/* c */ {}", "{\"a\":\"unterminated", "\uFEFF{}", "{\"a\" 1}",
            " ", "{\"a\":\"\\ud800\"}", "{\"__proto__\":{\"admin\":true}}", "<xml/>", "a=b&c", "\u0000");
    private static final List<String> OTHER_TOP_LEVEL = List.of("[]", "[{}]", "\"text\"", "123", "-1.5e3", "null",
            "true", "{}");

    private final FieldValues values;

    BodyMaker(FieldValues values) {
        this.values = values;
    }

    Body make(Shape shape, Random r) {
        int roll = r.nextInt(100);
        if (!shape.isEmpty() && roll < 62) {
            Map<String, Object> object = object(shape, r);
            if (roll < 6) {
                return new Body(form(object), FORM);
            }
            return new Body(roll < 10 ? twice(shape, object, r) : json(object), JSON);
        }
        if (shape.isEmpty() && roll < 70) {
            return new Body(null, null);
        }
        return switch (r.nextInt(10)) {
            case 0 -> new Body(null, JSON);
            case 1 -> new Body(new byte[0], JSON);
            case 2, 3, 4 -> text(Garbage.pick(r, BROKEN));
            case 5, 6 -> text(Garbage.pick(r, OTHER_TOP_LEVEL));
            case 7 -> text(deep(r));
            case 8 -> new Body(notUtf8(), JSON);
            default -> {
                Map<String, Object> stray = new LinkedHashMap<>();
                stray.put(Garbage.printable(r, 8), Garbage.wrongType(r));
                yield new Body(json(stray), JSON);
            }
        };
    }

    /** Each field of the shape present with probability 0.8; now and then one it does not know. */
    private Map<String, Object> object(Shape shape, Random r) {
        Map<String, Object> object = new LinkedHashMap<>();
        shape.fields().forEach((name, kind) -> {
            if (Garbage.chance(r, 0.8)) {
                object.put(name, values.value(kind, r));
            }
        });
        if (Garbage.chance(r, 0.1)) {
            object.put(Garbage.string(r), Garbage.wrongType(r));
        }
        return object;
    }

    /** One field written twice with two values of its kind (parsers differ on which one wins). */
    private byte[] twice(Shape shape, Map<String, Object> object, Random r) {
        String name = Garbage.pick(r, List.copyOf(shape.fields().keySet()));
        String first = jsonText(object);
        String again = jsonText(name) + ":" + jsonText(values.value(shape.fields().get(name), r));
        String body = first.equals("{}") ? "{" + again + "}" : first.substring(0, first.length() - 1) + "," + again + "}";
        return body.getBytes(StandardCharsets.UTF_8);
    }

    /** The object as a form; a null has no form of its own, so its field is left out. */
    private static byte[] form(Map<String, Object> object) {
        return object.entrySet().stream()
                .filter(e -> e.getValue() != null)
                .map(e -> encode(e.getKey()) + "=" + encode(String.valueOf(e.getValue())))
                .collect(Collectors.joining("&")).getBytes(StandardCharsets.UTF_8);
    }

    private static String deep(Random r) {
        int depth = Garbage.pick(r, List.of(600, 1_500, 20_000));
        return r.nextBoolean() ? "[".repeat(depth) + "]".repeat(depth)
                : "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
    }

    private static byte[] notUtf8() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("{\"company_name\":\"".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(new byte[]{(byte) 0xC3, 0x28, (byte) 0xFF, (byte) 0xFE, (byte) 0xED, (byte) 0xA0, (byte) 0x80});
        out.writeBytes("\",\"name\":\"x\"}".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private static Body text(String body) {
        return new Body(body.getBytes(StandardCharsets.UTF_8), JSON);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static byte[] json(Object value) {
        return jsonText(value).getBytes(StandardCharsets.UTF_8);
    }

    private static String jsonText(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
