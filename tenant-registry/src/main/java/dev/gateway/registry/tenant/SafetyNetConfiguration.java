package dev.gateway.registry.tenant;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;

/**
 * @param pollSeconds how often the safety net looks (GATEWAY_WORKER_POLL_SECONDS)
 * @param stuckAfter  how long a tenant may wait on the provisioner before its request is re-emitted
 */
@ConfigurationProperties("gateway.worker")
public record SafetyNetConfiguration(int pollSeconds, Duration stuckAfter) {
}
