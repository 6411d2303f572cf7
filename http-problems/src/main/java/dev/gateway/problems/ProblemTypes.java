package dev.gateway.problems;

/** The problem type of an error nothing more specific is known about than its status. */
public final class ProblemTypes {

    private ProblemTypes() {
    }

    public static String slugFor(int status) {
        return switch (status) {
            case 400, 422 -> "validation";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 409 -> "conflict";
            case 413 -> "payload-too-large";
            case 415 -> "unsupported-media-type";
            default -> status >= 500 ? "internal" : "bad-request";
        };
    }

    public static Problem forStatus(int status, String title, String detail) {
        return Problem.of(status, slugFor(status), title, detail);
    }
}
