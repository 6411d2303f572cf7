package dev.gateway.runtime.micronaut;

import dev.gateway.events.Stream;

import java.util.Set;

/**
 * The broker had lost these streams (restarted without its store, or deleted by hand) and they were declared
 * again: whatever was in them is gone, so work that waits on one of their events must be driven again.
 */
public record BrokerReset(Set<Stream> recreated) {
}
