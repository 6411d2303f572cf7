package dev.gateway.registry.tenant;

import dev.gateway.registry.auth.Roles;
import dev.gateway.registry.http.IdempotencyService;
import dev.gateway.registry.http.IdempotentResult;
import dev.gateway.registry.http.Page;
import dev.gateway.registry.http.ValidationException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;

import java.util.Map;

@Controller("/api/gateway/tenants")
public class TenantController {

    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final String CORRELATION_ID = "X-Correlation-Id";

    private final TenantService tenants;
    private final TenantCreationService creation;
    private final IdempotencyService idempotency;

    public TenantController(TenantService tenants, TenantCreationService creation, IdempotencyService idempotency) {
        this.tenants = tenants;
        this.creation = creation;
        this.idempotency = idempotency;
    }

    @Post
    @Secured(Roles.ADMIN)
    public HttpResponse<?> create(@Body CreateTenantRequest request, Authentication auth,
                                  @Nullable @Header(IDEMPOTENCY_KEY) String idempotencyKey,
                                  @Nullable @Header(CORRELATION_ID) String correlationId) {
        return idempotency.execute(idempotencyKey, "POST /tenants", request.withoutPassword(), () -> {
            TenantResponse shown = creation.createByOperator(request, actor(auth), correlation(correlationId));
            return new IdempotentResult(202, shown, shown.withInvitation(null));
        });
    }

    @Get
    @Secured({Roles.ADMIN, Roles.VIEWER, Roles.SERVICE})
    public Page<TenantResponse> list(@Nullable @QueryValue String status, @Nullable @QueryValue String q,
                                     @Nullable @QueryValue Integer limit, @Nullable @QueryValue String cursor) {
        return tenants.list(status, q, limit, cursor);
    }

    @Get("/{key}")
    @Secured({Roles.ADMIN, Roles.VIEWER, Roles.SERVICE})
    public TenantResponse get(String key) {
        return tenants.get(key);
    }

    @Get("/{key}/events")
    @Secured({Roles.ADMIN, Roles.VIEWER, Roles.SERVICE})
    public Page<TenantEventResponse> history(String key) {
        return Page.all(tenants.history(key));
    }

    @Patch("/{key}")
    @Secured(Roles.ADMIN)
    public TenantResponse update(String key, @Body UpdateTenantRequest request, Authentication auth,
                                 @Nullable @Header(CORRELATION_ID) String correlationId) {
        return tenants.update(key, request, actor(auth), correlation(correlationId));
    }

    @Post("/{key}/suspend")
    @Secured(Roles.ADMIN)
    public HttpResponse<?> suspend(String key, Authentication auth, @Nullable @Header(IDEMPOTENCY_KEY) String ik,
                                   @Nullable @Header(CORRELATION_ID) String correlationId) {
        return move(key, TenantStatus.SUSPENDED, "suspend", 200, auth, ik, correlationId);
    }

    @Post("/{key}/activate")
    @Secured(Roles.ADMIN)
    public HttpResponse<?> activate(String key, Authentication auth, @Nullable @Header(IDEMPOTENCY_KEY) String ik,
                                    @Nullable @Header(CORRELATION_ID) String correlationId) {
        return move(key, TenantStatus.READY, "activate", 200, auth, ik, correlationId);
    }

    @Post("/{key}/retry")
    @Secured(Roles.ADMIN)
    public HttpResponse<?> retry(String key, Authentication auth, @Nullable @Header(IDEMPOTENCY_KEY) String ik,
                                 @Nullable @Header(CORRELATION_ID) String correlationId) {
        return move(key, TenantStatus.PENDING, "retry", 202, auth, ik, correlationId);
    }

    @Delete("/{key}")
    @Secured(Roles.ADMIN)
    public HttpResponse<TenantResponse> delete(String key, Authentication auth,
                                               @Nullable @Header(CORRELATION_ID) String correlationId) {
        return HttpResponse.accepted().body(tenants.move(key, TenantStatus.DELETING, actor(auth),
                correlation(correlationId)));
    }

    private HttpResponse<?> move(String key, TenantStatus to, String operation, int status, Authentication auth,
                                 @Nullable String idempotencyKey, @Nullable String correlationId) {
        return idempotency.execute(idempotencyKey, "POST /tenants/" + key + "/" + operation, Map.of("key", key),
                () -> IdempotentResult.of(status, tenants.move(key, to, actor(auth), correlation(correlationId))));
    }

    private static Actor actor(Authentication auth) {
        return new Actor(auth.getName());
    }

    private static String correlation(@Nullable String header) {
        if (header != null && (header.isBlank() || header.length() > 100)) {
            throw new ValidationException("X-Correlation-Id", "X-Correlation-Id must be 1 to 100 characters");
        }
        return header;
    }
}
