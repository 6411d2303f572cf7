package dev.gateway.registry.http;

/**
 * What an idempotent POST answers. {@code stored} is the body kept for replays; it may omit one-time
 * secrets that {@code body} carries (a generated admin password is shown once, never stored).
 */
public record IdempotentResult(int status, Object body, Object stored) {

    public static IdempotentResult of(int status, Object body) {
        return new IdempotentResult(status, body, body);
    }
}
