package dev.gateway.runtime.consumer;

/**
 * What a handler did with an event. Every outcome is acknowledged; the runtime counts them per durable.
 * Whether an event is stale is the handler's call: only its own transaction can compare the event's revision
 * with what it applied, atomically and for the right tenant incarnation (a key can be reused after deletion).
 */
public enum Outcome {
    /** The event changed something. */
    APPLIED,
    /** This very event (same id) was applied before. */
    DUPLICATE,
    /** A newer revision of the tenant was applied already; nothing changed. */
    STALE,
    /** Not for this consumer (another type, another tenant, nothing to do). */
    IGNORED;

    public String tag() {
        return name().toLowerCase();
    }
}
