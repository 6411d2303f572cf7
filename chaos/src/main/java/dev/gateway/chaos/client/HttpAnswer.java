package dev.gateway.chaos.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;

/**
 * What a service answered, or how it failed to: {@link #NO_ANSWER} when the connection failed or broke,
 * {@link #TIMED_OUT} when no answer came in time.
 */
public record HttpAnswer(int status, String contentType, String body, long millis, String failure) {

    public static final int NO_ANSWER = -1;
    public static final int TIMED_OUT = -2;
    private static final ObjectMapper JSON = new ObjectMapper();

    public boolean answered() {
        return status > 0;
    }

    public boolean is(int code) {
        return status == code;
    }

    public boolean success() {
        return status >= 200 && status < 300;
    }

    public boolean isProblem() {
        return contentType != null && contentType.startsWith("application/problem+json");
    }

    /** The suffix of the problem {@code type} URI ({@code tenant-exists}), or null when this is no problem body. */
    public String problemType() {
        if (!isProblem()) {
            return null;
        }
        String type = json().path("type").asText("");
        return type.substring(type.lastIndexOf('/') + 1);
    }

    public JsonNode json() {
        try {
            return JSON.readTree(body == null || body.isEmpty() ? "{}" : body);
        } catch (IOException e) {
            throw new IllegalStateException("not JSON (" + status + "): " + abbreviatedBody(), e);
        }
    }

    /** {@code 503}, {@code timeout} or {@code no-answer}: the key answers are counted under. */
    public String label() {
        return switch (status) {
            case NO_ANSWER -> "no-answer";
            case TIMED_OUT -> "timeout";
            default -> String.valueOf(status);
        };
    }

    /** Status, problem type and the start of the body, for failure messages. */
    public String describe() {
        if (!answered()) {
            return label() + " after " + millis + " ms" + (failure == null ? "" : " (" + failure + ")");
        }
        return status + (isProblem() ? " " + problemType() : "") + " after " + millis + " ms: " + abbreviatedBody();
    }

    private String abbreviatedBody() {
        String b = body == null ? "" : body.replaceAll("\\s+", " ");
        return b.length() > 200 ? b.substring(0, 200) + "…" : b;
    }
}
