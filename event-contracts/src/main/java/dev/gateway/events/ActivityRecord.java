package dev.gateway.events;

/**
 * The {@code data} of an {@code activity.<entity>.<verb>} event: one change a tenant's user made (or a sign-in),
 * written in the same tenant transaction as the change. The envelope's {@code revision} is the tenant's activity
 * sequence, so a consumer can tell a redelivery from a new record.
 *
 * @param actorId    the user who acted, null for an anonymous request (a failed login, a join request)
 * @param actorEmail that user's address, or the address the anonymous request named; never a secret
 * @param entityId   the project, task or user acted on; null for settings and logins
 * @param summary    a short human line for the feed, e.g. the project's name
 */
public record ActivityRecord(String actorId, String actorEmail, String entityId, String summary) {
}
