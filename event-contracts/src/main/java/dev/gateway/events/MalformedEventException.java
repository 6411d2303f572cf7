package dev.gateway.events;

/** A message that is not a valid event envelope or payload; retrying it can never succeed. */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(String message) {
        super(message);
    }

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
