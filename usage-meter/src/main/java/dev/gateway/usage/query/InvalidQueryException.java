package dev.gateway.usage.query;

/** A query parameter out of range or unreadable: 400 {@code validation}. */
public class InvalidQueryException extends RuntimeException {

    public InvalidQueryException(String message) {
        super(message);
    }
}
