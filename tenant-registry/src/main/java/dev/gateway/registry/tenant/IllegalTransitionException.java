package dev.gateway.registry.tenant;

import dev.gateway.registry.http.ConflictException;

import java.util.Map;

/** 409 {@code illegal-transition}; the body names both ends of the refused move. */
public class IllegalTransitionException extends ConflictException {

    public IllegalTransitionException(TenantStatus from, TenantStatus to) {
        super("illegal-transition", "a " + from.wire() + " tenant cannot become " + to.wire(),
                Map.of("from", from.wire(), "to", to.wire()));
    }
}
