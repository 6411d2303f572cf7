package dev.gateway.chaos.scenario;

import dev.gateway.chaos.client.HttpAnswer;
import dev.gateway.chaos.client.TenantApi;
import dev.gateway.chaos.wait.Deadline;
import dev.gateway.chaos.workload.CreatedTenant;
import dev.gateway.chaos.workload.Expectations;
import dev.gateway.chaos.workload.Isolation;
import dev.gateway.chaos.workload.RequestLoop;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Ready tenants with a signed-in first admin each, for scenarios that need tenant traffic: created on the
 * enterprise plan (500 requests/s), so the rate limit itself never answers.
 */
final class TenantUsers {

    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);
    private static final String FIRST_ADMIN_PASSWORD = "chaos-first-admin";

    private TenantUsers() {
    }

    /** A tenant's first admin, signed in. */
    record SignedIn(CreatedTenant tenant, String token) {
    }

    /** Access tokens of {@code count} tenants' first admins, keys {@code <prefix>-<d|s>-09xx}. */
    static List<String> signIn(ScenarioContext ctx, int count) {
        return signInUsers(ctx, count).stream().map(SignedIn::token).toList();
    }

    /** {@code count} ready tenants (half in each isolation mode) and their first admins, signed in. */
    static List<SignedIn> signInUsers(ScenarioContext ctx, int count) {
        List<SignedIn> users = new ArrayList<>();
        TenantApi api = ctx.tenantApi();
        for (int i = 0; i < count; i++) {
            CreatedTenant tenant = ready(ctx, 900 + i, "enterprise");
            if (tenant.invitationToken() == null) {
                throw new IllegalStateException(tenant.key() + ": the 202 carried no invitation");
            }
            users.add(new SignedIn(tenant, login(api, tenant, ctx.deadline().atMost(Duration.ofMinutes(1)))));
        }
        ctx.log(count + " tenant users signed in");
        return users;
    }

    /** Tenant {@code <prefix>-<d|s>-<index>} on {@code plan}, created and ready. */
    static CreatedTenant ready(ScenarioContext ctx, int index, String plan) {
        Isolation isolation = Isolation.alternate(index);
        CreatedTenant tenant = ctx.create(isolation.key(ctx.prefix(), index), isolation, plan)
                .orElseThrow(() -> new IllegalStateException("a tenant for traffic was not accepted"));
        if (!ctx.states().await(tenant.key(), Set.of(Expectations.READY), ctx.deadline().atMost(Duration.ofMinutes(2)))) {
            throw new IllegalStateException(tenant.key() + " not ready within 2 minutes");
        }
        return tenant;
    }

    /**
     * Steady traffic of the signed-in users on {@code path} (e.g. {@code /api/me}, answered from the directory,
     * or {@code /api/projects}, which reads the tenant's database): 4 threads, about 80 requests/s.
     */
    static RequestLoop traffic(ScenarioContext ctx, List<String> tokens, String path) {
        TenantApi api = ctx.tenantApi();
        List<RequestLoop.Request> requests = tokens.stream()
                .map(t -> new RequestLoop.Request("GET " + path, () -> api.get(t, path, REQUEST_TIMEOUT))).toList();
        return new RequestLoop("traffic", requests, 4, Duration.ofMillis(50));
    }

    /**
     * Accepts the invitation, choosing the first admin's email and password. The route and directory entry follow
     * the ready state by a moment: retry until answered; a link already used (an answer lost) falls back to a login.
     */
    private static String login(TenantApi api, CreatedTenant tenant, Deadline deadline) {
        HttpAnswer answer;
        do {
            answer = api.activate(tenant.key(), tenant.invitationToken(), tenant.adminEmail(), FIRST_ADMIN_PASSWORD);
            if (answer.is(404) && "invitation-invalid".equals(answer.problemType())) {
                answer = api.login(tenant.key(), tenant.adminEmail(), FIRST_ADMIN_PASSWORD);
            }
            if (answer.is(200)) {
                return answer.json().path("access_token").asText();
            }
            deadline.pause(Duration.ofMillis(250));
        } while (!deadline.passed());
        throw new IllegalStateException(tenant.key() + ": first admin could not sign in: " + answer.describe());
    }
}
