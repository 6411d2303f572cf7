package dev.gateway.runtime.consumer;

/**
 * Thrown (or found as a cause) when a handler could not run because something it depends on is down: the
 * event is fine and is retried with backoff for as long as the outage lasts, never dead-lettered.
 */
public class DependencyUnavailableException extends RuntimeException {

    public DependencyUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
