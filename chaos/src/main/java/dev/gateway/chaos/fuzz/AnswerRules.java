package dev.gateway.chaos.fuzz;

import dev.gateway.chaos.client.HttpAnswer;

import java.util.Optional;

/**
 * What every answer to a fuzzed request must be: an answer at all, within the time allowed; never a 5xx but the
 * 503 problems the design documents (tenant provisioning or suspended, a dependency down); every error an
 * {@code application/problem+json}; no internals in any body. Two exemptions, each the framework's and not a
 * service's: static files the admin SPA is built of are not scanned (the same for every request, not made from
 * it); and a HEAD whose request Netty's decoder refused (a control character in a header: 400, headers over 8 KB:
 * 413) is answered without a Content-Type, because Micronaut 4.10 runs neither the error processor nor any filter
 * for it (RequestLifecycle.onStatusError skips HEAD). The same request with GET is a problem; a HEAD has no body.
 */
public final class AnswerRules {

    /** The kinds of offence, as counted in the report. */
    public enum Offence {
        NO_ANSWER("no answer"), SERVER_ERROR("5xx other than a 503 problem"), NOT_A_PROBLEM("error not problem+json"),
        LEAK("internals in the body");

        private final String label;

        Offence(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** An offence and what shows it. */
    public record Finding(Offence offence, String evidence) {
    }

    private AnswerRules() {
    }

    public static Optional<Finding> judge(String method, HttpAnswer answer) {
        if (!answer.answered()) {
            return Optional.of(new Finding(Offence.NO_ANSWER, answer.describe()));
        }
        int status = answer.status();
        if (status >= 500 && !(status == 503 && answer.isProblem())) {
            return Optional.of(new Finding(Offence.SERVER_ERROR, describe(answer)));
        }
        if (status >= 400 && !answer.isProblem() && !refusedHeadByDecoder(method, answer)) {
            return Optional.of(new Finding(Offence.NOT_A_PROBLEM, describe(answer)));
        }
        if (!isStaticAsset(answer)) {
            Optional<String> leak = LeakMarkers.find(answer.body());
            if (leak.isPresent()) {
                return Optional.of(new Finding(Offence.LEAK, status + " " + answer.contentType() + ": …" + leak.get() + "…"));
            }
        }
        return Optional.empty();
    }

    private static boolean refusedHeadByDecoder(String method, HttpAnswer answer) {
        return method.equals("HEAD") && (answer.is(400) || answer.is(413)) && answer.contentType() == null;
    }

    private static boolean isStaticAsset(HttpAnswer answer) {
        String type = answer.contentType();
        return answer.success() && type != null && (type.startsWith("text/javascript")
                || type.startsWith("application/javascript") || type.startsWith("text/css"));
    }

    private static String describe(HttpAnswer answer) {
        return answer.status() + " " + answer.contentType() + " " + Excerpt.of(answer.body(), 200);
    }
}
