package dev.gateway.usage.http;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;

import java.util.List;

/**
 * {@code Accept: text/csv} exports: a header row, then one row per item (RFC 4180 quoting). A text cell that a
 * spreadsheet would run as a formula (=, +, -, @ first) gets a leading apostrophe: the activity feed carries
 * what tenants' users typed.
 */
public final class Csv {

    public static final String TYPE = "text/csv";

    private Csv() {
    }

    public static boolean wanted(HttpRequest<?> request) {
        return request.getHeaders().accept().stream().anyMatch(type -> type.getName().equals(TYPE));
    }

    public static MutableHttpResponse<String> response(String[] header, List<Object[]> rows, String filename) {
        StringBuilder csv = new StringBuilder();
        line(csv, header);
        rows.forEach(row -> line(csv, row));
        return HttpResponse.ok(csv.toString()).contentType(TYPE + "; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"" + filename + "\"");
    }

    private static void line(StringBuilder csv, Object[] cells) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(cell(cells[i]));
        }
        csv.append("\r\n");
    }

    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Number) {
            return value.toString();
        }
        String text = value.toString();
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.chars().anyMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r')) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
