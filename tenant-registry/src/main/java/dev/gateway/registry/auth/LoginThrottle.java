package dev.gateway.registry.auth;

import dev.gateway.registry.http.Throttle;
import jakarta.inject.Singleton;

/**
 * Logins and service-token requests: per client address every attempt counts, per account only failures (a success
 * gives its attempt back), each in a fixed window from its first attempt. Refused before any password check.
 */
@Singleton
public class LoginThrottle {

    /** A counted attempt; hand it back with {@link #succeeded} when the credentials were right. */
    public record Attempt(Throttle.Attempt counted, Throttle.Limit account) {
    }

    private final Throttle throttle;
    private final LoginThrottleConfiguration limits;

    public LoginThrottle(Throttle throttle, LoginThrottleConfiguration limits) {
        this.throttle = throttle;
        this.limits = limits;
    }

    public Attempt attempt(String address, String account) {
        Throttle.Limit perAccount = new Throttle.Limit("login:account:" + Throttle.digest(account),
                limits.accountFailures(), limits.window());
        Throttle.Attempt counted = throttle.attempt("login attempts",
                new Throttle.Limit("login:address:" + address, limits.addressAttempts(), limits.window()), perAccount);
        return new Attempt(counted, perAccount);
    }

    /** The credentials were right: the attempt does not count against the account. */
    public void succeeded(Attempt attempt) {
        throttle.giveBack(attempt.counted(), attempt.account());
    }
}
