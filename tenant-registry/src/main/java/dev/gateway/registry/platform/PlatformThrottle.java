package dev.gateway.registry.platform;

import dev.gateway.registry.http.Throttle;
import jakarta.inject.Singleton;

import java.util.Locale;

/** The anonymous platform endpoints are counted per client address (and lookups per email too); 429 past a limit. */
@Singleton
class PlatformThrottle {

    private final Throttle throttle;
    private final PlatformThrottleConfiguration limits;

    PlatformThrottle(Throttle throttle, PlatformThrottleConfiguration limits) {
        this.throttle = throttle;
        this.limits = limits;
    }

    void read(String address) {
        throttle.attempt("requests", new Throttle.Limit("platform:read:" + address, limits.reads(), limits.window()));
    }

    void write(String address) {
        throttle.attempt("requests", new Throttle.Limit("platform:write:" + address, limits.writes(), limits.window()));
    }

    void lookup(String address, String email) {
        throttle.attempt("requests",
                new Throttle.Limit("platform:write:" + address, limits.writes(), limits.window()),
                new Throttle.Limit("platform:lookup:" + Throttle.digest(email.strip().toLowerCase(Locale.ROOT)),
                        limits.lookupsPerEmail(), limits.window()));
    }
}
