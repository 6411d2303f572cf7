package dev.gateway.registry.signup;

import dev.gateway.registry.auth.Roles;
import dev.gateway.registry.http.IdempotencyService;
import dev.gateway.registry.http.IdempotentResult;
import dev.gateway.registry.http.Page;
import dev.gateway.registry.tenant.Actor;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;

import java.util.Map;
import java.util.UUID;

/** Operators' side of signups: the queue, the counts, and the decisions. */
@Controller("/api/gateway/signups")
public class SignupController {

    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final SignupService signups;
    private final SignupDecisions decisions;
    private final IdempotencyService idempotency;

    public SignupController(SignupService signups, SignupDecisions decisions, IdempotencyService idempotency) {
        this.signups = signups;
        this.decisions = decisions;
        this.idempotency = idempotency;
    }

    @Get
    @Secured({Roles.ADMIN, Roles.VIEWER, Roles.SERVICE})
    public Page<SignupResponse> list(@Nullable @QueryValue String status, @Nullable @QueryValue Integer limit,
                                     @Nullable @QueryValue String cursor) {
        return signups.list(status, limit, cursor);
    }

    @Get("/summary")
    @Secured({Roles.ADMIN, Roles.VIEWER, Roles.SERVICE})
    public SignupSummary summary() {
        return signups.summary();
    }

    @Get("/{id}")
    @Secured({Roles.ADMIN, Roles.VIEWER, Roles.SERVICE})
    public SignupResponse get(UUID id) {
        return signups.get(id);
    }

    @Post("/{id}/approve")
    @Secured(Roles.ADMIN)
    public HttpResponse<?> approve(UUID id, Authentication auth, @Nullable @Header(IDEMPOTENCY_KEY) String ik) {
        return idempotency.execute(ik, "POST /signups/" + id + "/approve", Map.of("id", id),
                () -> IdempotentResult.of(200, decisions.approve(id, new Actor(auth.getName()), null)));
    }

    @Post("/{id}/reject")
    @Secured(Roles.ADMIN)
    public HttpResponse<?> reject(UUID id, @Body RejectSignupRequest request, Authentication auth,
                                  @Nullable @Header(IDEMPOTENCY_KEY) String ik) {
        return idempotency.execute(ik, "POST /signups/" + id + "/reject", request,
                () -> IdempotentResult.of(200, decisions.reject(id, request.reason(), new Actor(auth.getName()), null)));
    }
}
