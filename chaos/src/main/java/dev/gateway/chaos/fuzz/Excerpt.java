package dev.gateway.chaos.fuzz;

/** A value shortened for a one-line report: control characters escaped, at most a given length. */
final class Excerpt {

    private Excerpt() {
    }

    static String of(String value, int max) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        for (; i < value.length() && out.length() < max; i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                out.append(String.format("\\x%02x", (int) c));
            } else if (c == '|' || c == '`') {
                out.append('\\').append(c);
            } else {
                out.append(c);
            }
        }
        return i < value.length() ? out + "…(" + value.length() + " chars)" : out.toString();
    }
}
