package dev.gateway.chaos.fuzz;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Values nobody should send: edge numbers, injection-looking text, NUL and other control characters, unicode
 * of every awkward kind, huge strings, wrong JSON types. None of them contains a word {@link LeakMarkers} looks
 * for, so an answer that repeats one is never mistaken for a leak.
 */
final class Garbage {

    static final List<String> STRINGS = List.of(
            "", " ", "null", "undefined", "NaN", "-1", "0", "1e309", "true", "[]", "{}",
            "' or '1'='1", "1; drop table users; --", "\"; select pg_sleep(1); --", "$1", "%", "_", "%%", "\\",
            "\"", "'", "<script>alert(1)</script>", "{{7*7}}", "${user.home}", "../../../etc/passwd", "..%2f..%2f",
            "%s%s%s%n", "\u0000", "a\u0000b", "\u0001\u0002\u0003", "\r\n", "\t", "\u007f", "\uFEFF", "\u202Eevil",
            "😀💥🚀", "Ω≈ç√∫", "ｆｕｌｌｗｉｄｔｈ", "Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǧ̗͚̚o̙̔ͮ̇͐", "مرحبا", "日本語のテキスト",
            "\u00A0\u2000\u2028\u2029", "a".repeat(256), "-".repeat(40), "fz_under", "9".repeat(40));

    static final List<Object> NUMBERS = List.of(0, -1, 1, Integer.MAX_VALUE, Integer.MIN_VALUE, 2147483648L,
            Long.MAX_VALUE, new BigInteger("99999999999999999999999999"), new BigDecimal("1e400"),
            new BigDecimal("-1e-400"), 0.5, -0.0, 1.0e308);

    private Garbage() {
    }

    static String string(Random r) {
        return switch (r.nextInt(60)) {
            case 0 -> huge(r);
            case 1, 2, 3 -> printable(r, 1 + r.nextInt(64));
            case 4, 5, 6 -> unicode(r, 1 + r.nextInt(32));
            default -> pick(r, STRINGS);
        };
    }

    /** A value of a JSON type an endpoint does not expect (numbers, booleans, null, arrays, objects, strings). */
    static Object wrongType(Random r) {
        return switch (r.nextInt(8)) {
            case 0 -> null;
            case 1 -> r.nextBoolean();
            case 2, 3 -> pick(r, NUMBERS);
            case 4 -> List.of(1, "x", List.of());
            case 5 -> Map.of("nested", Map.of("deeper", List.of(Map.of())));
            default -> string(r);
        };
    }

    /** 60 KB to 600 KB of one character: big, but under the services' 1 MB request limit. */
    static String huge(Random r) {
        return String.valueOf("xé😀\u0000".charAt(r.nextInt(4))).repeat(60_000 + r.nextInt(540_000));
    }

    static String printable(Random r, int length) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length; i++) {
            s.append((char) (0x21 + r.nextInt(0x5e)));
        }
        return s.toString();
    }

    static String unicode(Random r, int length) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length; i++) {
            int codePoint = switch (r.nextInt(4)) {
                case 0 -> 0xA0 + r.nextInt(0x2000);
                case 1 -> 0x3000 + r.nextInt(0x6000);
                case 2 -> 0x1F300 + r.nextInt(0x300);
                default -> 0x300 + r.nextInt(0x70);
            };
            s.appendCodePoint(codePoint);
        }
        return s.toString();
    }

    static <T> T pick(Random r, List<T> values) {
        return values.get(r.nextInt(values.size()));
    }

    static boolean chance(Random r, double p) {
        return r.nextDouble() < p;
    }
}
