package dev.gateway.runtime.consumer;

/** An event no retry can ever apply (contradictory data, a reference that cannot exist): dead-letter it now. */
public class PermanentFailure extends RuntimeException {

    public PermanentFailure(String message) {
        super(message);
    }

    public PermanentFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
