package dev.gateway.provisioner.tenant;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * The first admin's invitation.
 *
 * @param ttl how long the invitation link works, counted from the event that asked for the tenant
 */
@ConfigurationProperties("gateway.invitations")
public record InvitationConfiguration(@Bindable(defaultValue = "72h") Duration ttl) {

    public InvitationConfiguration {
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("gateway.invitations.ttl (GATEWAY_INVITATION_TTL) must be positive, was "
                    + ttl);
        }
    }
}
