package dev.gateway.problems;

import io.micronaut.context.annotation.Property;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.util.Map;

/**
 * The problem type of an error nothing more specific is known about than its status. A service may name some
 * statuses otherwise ({@code gateway.problems.types}, status to slug), or answer a framework status as another
 * ({@code gateway.problems.statuses}, e.g. an oversize body as 400), as its clients have been told.
 */
@Singleton
public class ProblemTypes {

    private final Map<String, String> renamed;
    private final Map<String, String> restated;

    public ProblemTypes(@Property(name = "gateway.problems.types") @Nullable Map<String, String> renamed,
                        @Property(name = "gateway.problems.statuses") @Nullable Map<String, String> restated) {
        this.renamed = renamed == null ? Map.of() : Map.copyOf(renamed);
        this.restated = restated == null ? Map.of() : Map.copyOf(restated);
    }

    /** The status to answer an error the framework gave {@code status}. */
    public int statusFor(int status) {
        String restatement = restated.get(Integer.toString(status));
        return restatement == null ? status : Integer.parseInt(restatement);
    }

    public String slugFor(int status) {
        return renamed.getOrDefault(Integer.toString(status), standardSlugFor(status));
    }

    public Problem forStatus(int status, String title, String detail) {
        return Problem.of(status, slugFor(status), title, detail);
    }

    /** The slug every service gives {@code status} unless it renamed it, e.g. for another service's bare answer. */
    public static String standardSlugFor(int status) {
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
}
