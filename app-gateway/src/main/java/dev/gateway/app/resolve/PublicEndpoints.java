package dev.gateway.app.resolve;

import io.micronaut.http.HttpMethod;

import java.util.Set;

/**
 * What anyone may call on a tenant without a token: sign in, accept an invitation, read the workspace's sign-in
 * page facts, ask to join. Each is throttled per client address by the login throttle and never spends the
 * tenant's plan. The platform's own API ({@code /api/platform/**}) is not a tenant's at all: it is relayed to the
 * registry without resolving a tenant.
 */
final class PublicEndpoints {

    static final String PLATFORM = "/api/platform";
    private static final Set<String> ANONYMOUS = Set.of("POST /api/auth/token", "POST /api/auth/activate",
            "GET /api/workspace", "POST /api/signups");

    private PublicEndpoints() {
    }

    static boolean anonymous(HttpMethod method, String path) {
        return ANONYMOUS.contains(method.name() + " " + path);
    }

    static boolean platform(String path) {
        return path.equals(PLATFORM) || path.startsWith(PLATFORM + "/");
    }
}
