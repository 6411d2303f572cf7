package dev.gateway.admin.usage;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the Prometheus text exposition format: the per-metric sums of one tenant's samples. */
final class PrometheusText {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)\\{([^}]*)}\\s+(\\S+)");

    private PrometheusText() {
    }

    static Map<String, Double> totalsFor(String exposition, String tenant) {
        String label = "tenant=\"" + tenant + "\"";
        Map<String, Double> totals = new TreeMap<>();
        for (String line : exposition.split("\n")) {
            Matcher m = SAMPLE.matcher(line);
            if (m.find() && hasLabel(m.group(2), label)) {
                double value = parse(m.group(3));
                if (!Double.isNaN(value)) {
                    totals.merge(m.group(1), value, Double::sum);
                }
            }
        }
        return totals;
    }

    private static boolean hasLabel(String labels, String label) {
        return ("," + labels + ",").contains("," + label + ",");
    }

    private static double parse(String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
