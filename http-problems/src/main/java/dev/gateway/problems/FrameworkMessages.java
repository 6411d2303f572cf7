package dev.gateway.problems;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The framework's words for a request it could not read, without what they say of the code: which Java class a
 * body became, the parser's source location. "Failed to convert argument [request] … Error decoding property
 * [UUID poolId] of type [class …CreateTenantRequest]: Invalid UUID string: -1" reads "invalid value for pool_id:
 * Invalid UUID string: -1". A message that would still name a class is replaced whole.
 */
final class FrameworkMessages {

    static final String UNREADABLE = "the request could not be read";
    private static final Pattern ARGUMENT = Pattern.compile(
            "^Failed to convert argument \\[(\\w+)] for value \\[(.*?)] due to: ", Pattern.DOTALL);
    private static final Pattern PROPERTY = Pattern.compile(
            "Error decoding property \\[\\S+ (\\w+)] of type \\[class [\\w.$]+]: ");
    private static final Pattern JAVA_TYPE = Pattern.compile("`(?:[a-z]\\w*\\.)+(\\w+)`");
    private static final Pattern INTERNALS = Pattern.compile(
            "\\b(java|javax|jakarta|io|com|org|dev)\\.[a-z]|\\bclass \\w|[A-Z]\\w*Exception");

    private FrameworkMessages() {
    }

    static String clean(String message) {
        if (message == null) {
            return null;
        }
        String cleaned = message;
        int location = cleaned.indexOf("\n at [Source:");
        if (location >= 0) {
            cleaned = cleaned.substring(0, location);
        }
        Matcher argument = ARGUMENT.matcher(cleaned);
        if (argument.find()) {
            String rest = cleaned.substring(argument.end());
            cleaned = "null".equals(argument.group(2)) ? rest : "invalid value for " + argument.group(1) + ": " + rest;
        }
        Matcher property = PROPERTY.matcher(cleaned);
        cleaned = property.replaceAll(m -> "invalid value for " + snakeCase(m.group(1)) + ": ");
        cleaned = JAVA_TYPE.matcher(cleaned).replaceAll(m -> m.group(1).toLowerCase(Locale.ROOT)).strip();
        return INTERNALS.matcher(cleaned).find() ? UNREADABLE : cleaned;
    }

    private static String snakeCase(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }
}
