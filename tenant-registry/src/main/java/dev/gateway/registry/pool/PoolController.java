package dev.gateway.registry.pool;

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
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;

import java.util.UUID;

@Controller("/api/gateway/pools")
public class PoolController {

    private final PoolService pools;
    private final IdempotencyService idempotency;

    public PoolController(PoolService pools, IdempotencyService idempotency) {
        this.pools = pools;
        this.idempotency = idempotency;
    }

    @Get
    @Secured({Roles.ADMIN, Roles.VIEWER, Roles.SERVICE})
    public Page<PoolResponse> list() {
        return Page.all(pools.list().stream().map(PoolResponse::of).toList());
    }

    @Get("/{id}")
    @Secured({Roles.ADMIN, Roles.VIEWER, Roles.SERVICE})
    public PoolResponse get(UUID id) {
        return PoolResponse.of(pools.get(id));
    }

    @Post
    @Secured(Roles.ADMIN)
    public HttpResponse<?> create(@Body CreatePoolRequest request,
                                  @Nullable @Header("Idempotency-Key") String idempotencyKey) {
        return idempotency.execute(idempotencyKey, "POST /pools", request,
                () -> IdempotentResult.of(201, PoolResponse.of(pools.create(request))));
    }

    @Patch("/{id}")
    @Secured(Roles.ADMIN)
    public PoolResponse update(UUID id, @Body UpdatePoolRequest request) {
        return PoolResponse.of(pools.update(id, request));
    }
}
