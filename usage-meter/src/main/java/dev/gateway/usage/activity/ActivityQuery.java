package dev.gateway.usage.activity;

import java.time.Instant;

/**
 * A validated request for a page of a tenant's activity.
 *
 * @param from  inclusive
 * @param to    exclusive
 * @param type  an activity event type, or null for all
 * @param after the cursor: the page starts after this entry, or null for the newest
 */
public record ActivityQuery(String tenant, Instant from, Instant to, String type, int limit, ActivityCursor after) {
}
