package dev.gateway.registry.plan;

import dev.gateway.registry.auth.Roles;
import dev.gateway.registry.http.IdempotencyService;
import dev.gateway.registry.http.Page;
import dev.gateway.registry.http.IdempotentResult;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;


@Controller("/api/gateway/plans")
public class PlanController {

    private final PlanService plans;
    private final IdempotencyService idempotency;

    public PlanController(PlanService plans, IdempotencyService idempotency) {
        this.plans = plans;
        this.idempotency = idempotency;
    }

    @Get
    @Secured({Roles.ADMIN, Roles.VIEWER, Roles.SERVICE})
    public Page<PlanResponse> list() {
        return Page.all(plans.list().stream().map(PlanResponse::of).toList());
    }

    @Post
    @Secured(Roles.ADMIN)
    public HttpResponse<?> create(@Body CreatePlanRequest request,
                                  @Nullable @Header("Idempotency-Key") String idempotencyKey) {
        return idempotency.execute(idempotencyKey, "POST /plans", request,
                () -> IdempotentResult.of(201, PlanResponse.of(plans.create(request))));
    }
}
