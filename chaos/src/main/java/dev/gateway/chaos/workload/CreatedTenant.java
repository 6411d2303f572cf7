package dev.gateway.chaos.workload;

/**
 * An accepted create: the first admin's address and the token of the invitation link the 202 carried once;
 * {@code invitationToken} is null when that 202 was lost (a replay does not repeat it).
 */
public record CreatedTenant(String key, Isolation isolation, String adminEmail, String invitationToken) {
}
