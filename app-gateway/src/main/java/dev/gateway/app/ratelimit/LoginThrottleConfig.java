package dev.gateway.app.ratelimit;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;

/**
 * @param accountFailures wrong passwords per account (tenant + email) per window, from any address
 * @param addressAttempts login attempts per client address per window, whatever the outcome
 * @param window          the window both limits are counted over
 * @param concurrency     password checks of logins running at once; 0: half the cores (at least one)
 */
@ConfigurationProperties("gateway.login")
public record LoginThrottleConfig(int accountFailures, int addressAttempts, Duration window, int concurrency) {

    public LoginThrottleConfig {
        if (accountFailures < 1 || addressAttempts < 1 || window.isNegative() || window.isZero() || concurrency < 0) {
            throw new IllegalArgumentException("GATEWAY_LOGIN_ACCOUNT_FAILURES and GATEWAY_LOGIN_ADDRESS_ATTEMPTS must be"
                    + " at least 1, GATEWAY_LOGIN_WINDOW positive, GATEWAY_LOGIN_CONCURRENCY 0 (auto) or more");
        }
        if (concurrency == 0) {
            concurrency = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
        }
    }
}
