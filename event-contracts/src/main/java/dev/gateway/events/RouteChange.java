package dev.gateway.events;

import java.util.List;

/**
 * The {@code data} of {@code route.*} events: the Traefik router a tenant got or lost.
 *
 * @param router the router name, {@code tenant-<key>}
 * @param rule   the router rule, e.g. {@code Host(`acme.example.com`)}; null on removal
 * @param keys   the KV keys written (published) or deleted (removed)
 */
public record RouteChange(String router, String rule, List<String> keys) {
}
