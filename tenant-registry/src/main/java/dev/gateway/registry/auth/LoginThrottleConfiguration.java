package dev.gateway.registry.auth;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;

/**
 * @param accountFailures failed logins one account may have per window, from anywhere
 * @param addressAttempts logins one client address may try per window, whatever the account
 * @param window          how long a count lasts, from its first attempt
 */
@ConfigurationProperties("gateway.login")
public record LoginThrottleConfiguration(int accountFailures, int addressAttempts, Duration window) {
}
