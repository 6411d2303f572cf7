package dev.gateway.registry.platform;

import dev.gateway.registry.http.IdempotencyService;
import dev.gateway.registry.http.IdempotentResult;
import dev.gateway.registry.http.Page;
import dev.gateway.registry.http.Throttle;
import dev.gateway.registry.http.ValidationException;
import dev.gateway.registry.mail.EmailAddresses;
import dev.gateway.registry.plan.PlanResponse;
import dev.gateway.registry.plan.PlanService;
import dev.gateway.registry.signup.KeyAvailability;
import dev.gateway.registry.signup.SignupRequest;
import dev.gateway.registry.signup.SignupService;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

import java.util.Map;

/**
 * The public platform site's API (browsers reach it through the app-gateway on the base domain): anonymous, and
 * throttled per client address.
 */
@Controller("/api/platform")
@Secured(SecurityRule.IS_ANONYMOUS)
public class PlatformController {

    private final PlanService plans;
    private final KeyAvailability keys;
    private final SignupService signups;
    private final WorkspaceLookup lookup;
    private final IdempotencyService idempotency;
    private final PlatformThrottle throttle;
    private final Throttle clients;

    public PlatformController(PlanService plans, KeyAvailability keys, SignupService signups, WorkspaceLookup lookup,
                              IdempotencyService idempotency, PlatformThrottle throttle, Throttle clients) {
        this.plans = plans;
        this.keys = keys;
        this.signups = signups;
        this.lookup = lookup;
        this.idempotency = idempotency;
        this.throttle = throttle;
        this.clients = clients;
    }

    @Get("/plans")
    public Page<PlanResponse> plans(HttpRequest<?> http) {
        throttle.read(clients.clientAddress(http));
        return Page.all(plans.list().stream().map(PlanResponse::of).toList());
    }

    @Get("/keys/{key}")
    public KeyAvailability.Answer key(String key, HttpRequest<?> http) {
        throttle.read(clients.clientAddress(http));
        return keys.check(key);
    }

    @Post("/signups")
    public HttpResponse<?> signup(@Body SignupRequest request, HttpRequest<?> http,
                                  @Nullable @Header("Idempotency-Key") String idempotencyKey) {
        throttle.write(clients.clientAddress(http));
        return idempotency.execute(idempotencyKey, "POST /platform/signups", request,
                () -> IdempotentResult.of(202, signups.request(request, null)));
    }

    @Post("/workspaces/lookup")
    public HttpResponse<Map<String, Object>> lookup(@Body WorkspaceLookupRequest request, HttpRequest<?> http) {
        if (!EmailAddresses.isValid(request.email() == null ? null : request.email().strip())) {
            throw new ValidationException("email", "Enter a valid email address.");
        }
        throttle.lookup(clients.clientAddress(http), request.email());
        lookup.mailWorkspacesOf(request.email().strip());
        return HttpResponse.accepted().body(Map.of());
    }
}
