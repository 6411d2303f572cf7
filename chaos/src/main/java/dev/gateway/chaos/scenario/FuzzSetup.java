package dev.gateway.chaos.scenario;

import dev.gateway.chaos.client.HttpAnswer;
import dev.gateway.chaos.client.TenantApi;
import dev.gateway.chaos.fuzz.ForgedTokens;
import dev.gateway.chaos.fuzz.FuzzFixture;
import dev.gateway.chaos.platform.Service;
import dev.gateway.chaos.workload.Expectations;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the fuzz works on: two ready anchor tenants (one per isolation mode) with a signed-in first admin, a
 * project, a task and a second user each; a victim tenant the fuzz may suspend, change or delete (so it may end
 * ready, suspended or deleted); keys nobody has; the admin token; and tokens forged with the services' own keys.
 */
final class FuzzSetup {

    private FuzzSetup() {
    }

    static FuzzFixture prepare(ScenarioContext ctx) {
        List<TenantUsers.SignedIn> users = TenantUsers.signInUsers(ctx, 2);
        String victim = TenantUsers.ready(ctx, 902, "free").key();
        ctx.expectations().expect(victim, Expectations.READY, Expectations.SUSPENDED, Expectations.DELETED);
        List<String> ghosts = List.of(ctx.prefix() + "-ghost-1", ctx.prefix() + "-ghost-2");
        List<FuzzFixture.Anchor> anchors = users.stream().map(u -> new FuzzFixture.Anchor(u.tenant().key(), u.token(),
                u.tenant().adminEmail())).toList();
        long now = Instant.now().getEpochSecond();
        List<String> forgedAdmin = ForgedTokens.admin(issuer(ctx, Service.REGISTRY, "tenant-registry.pem"), now);
        List<String> forgedTenant = ForgedTokens.tenant(issuer(ctx, Service.APP_GATEWAY, "app-gateway.pem"),
                anchors.get(0).key(), anchors.get(1).key(), ghosts.get(0), now);
        return new FuzzFixture(anchors, victim, ghosts, ctx.admin().token(), forgedAdmin, forgedTenant, rows(ctx, users));
    }

    /** The service's signing key from its GATEWAY_HOME, under the key id its JWKS publishes. */
    private static ForgedTokens.Issuer issuer(ScenarioContext ctx, Service service, String keyFile) {
        String url = ctx.platform().instance(service).url() + "/.well-known/jwks.json";
        HttpAnswer jwks = ctx.platform().http().get(url, Map.of(), Duration.ofSeconds(5));
        if (!jwks.is(200)) {
            throw new IllegalStateException(url + ": " + jwks.describe());
        }
        Path pem = ctx.platform().layout().serviceHome().resolve("keys").resolve(keyFile);
        return ForgedTokens.Issuer.fromPem(pem, jwks.json().path("keys").path(0).path("kid").asText());
    }

    /** Ids of a project, a task and a member user in each anchor tenant. */
    private static List<String> rows(ScenarioContext ctx, List<TenantUsers.SignedIn> users) {
        TenantApi api = ctx.tenantApi();
        List<String> ids = new ArrayList<>();
        for (TenantUsers.SignedIn user : users) {
            String project = created(api.post(user.token(), "/api/projects", Map.of("name", "fuzz target")));
            ids.add(project);
            ids.add(created(api.post(user.token(), "/api/projects/" + project + "/tasks", Map.of("title", "fuzz task"))));
            ids.add(created(api.post(user.token(), "/api/users", Map.of("email", "member@" + user.tenant().key()
                    + ".example", "name", "Member", "password", "fuzz-member-password", "role", "member"))));
        }
        return ids;
    }

    private static String created(HttpAnswer answer) {
        if (!answer.success()) {
            throw new IllegalStateException("fuzz fixture row not created: " + answer.describe());
        }
        return answer.json().path("id").asText();
    }
}
