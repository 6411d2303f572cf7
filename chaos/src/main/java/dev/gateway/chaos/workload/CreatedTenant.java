package dev.gateway.chaos.workload;

/** An accepted create; {@code adminPassword} is null when the 202 carrying it was lost (a replay does not repeat it). */
public record CreatedTenant(String key, Isolation isolation, String adminEmail, String adminPassword) {
}
