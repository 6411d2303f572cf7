package dev.gateway.app.resolve;

import dev.gateway.app.auth.AuthConfig;
import dev.gateway.app.auth.TokenHolders;
import dev.gateway.app.auth.TokenVerifier;
import dev.gateway.app.auth.VerifiedToken;
import dev.gateway.app.directory.TenantDirectoryService;
import dev.gateway.app.directory.TenantEntry;
import dev.gateway.problems.Problem;
import dev.gateway.app.http.ProblemException;
import dev.gateway.app.http.ProblemResponses;
import dev.gateway.app.observe.AccessLog;
import dev.gateway.app.observe.RequestMetrics;
import dev.gateway.app.ratelimit.RateLimitDecision;
import dev.gateway.app.ratelimit.RateLimitHeaders;
import dev.gateway.app.ratelimit.RateLimiter;
import dev.gateway.app.usage.RequestCounters;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

import java.util.concurrent.CompletableFuture;

/**
 * The front door of every /api request, before any controller: correlation id, token
 * verification, tenant resolution, lifecycle gate, token holder check, rate limit; afterwards RateLimit
 * headers, metrics, the tenant's usage counters and the access log line. Hot path on cache hits: no I/O except the one limiter call.
 * The platform's API ({@link PublicEndpoints#platform}) passes without a tenant, to its relay.
 */
@Filter("/api/**")
public class TenantResolutionFilter implements HttpServerFilter {

    /** A key found in the directory (whatever its status): the only values the metrics' tenant tag takes. */
    private static final String KNOWN_TENANT = "gateway.tenant-key";
    private static final String BEARER = "Bearer ";

    private final TokenVerifier tokens;
    private final TokenHolders holders;
    private final TenantSources sources;
    private final TenantDirectoryService directory;
    private final RateLimiter limiter;
    private final RequestMetrics metrics;
    private final AccessLog accessLog;
    private final RequestCounters usage;
    private final boolean allowHeaderOnly;

    public TenantResolutionFilter(TokenVerifier tokens, TokenHolders holders, TenantSources sources,
                                  TenantDirectoryService directory, RateLimiter limiter, RequestMetrics metrics,
                                  AccessLog accessLog, RequestCounters usage, AuthConfig auth) {
        this.tokens = tokens;
        this.holders = holders;
        this.sources = sources;
        this.directory = directory;
        this.limiter = limiter;
        this.metrics = metrics;
        this.accessLog = accessLog;
        this.usage = usage;
        this.allowHeaderOnly = auth.allowHeaderOnly();
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        long started = System.nanoTime();
        HttpHeaders headers = request.getHeaders();
        String correlationId = CorrelationIds.of(headers.get(CorrelationIds.HEADER));
        Mono<MutableHttpResponse<?>> response;
        String key = null;
        try {
            if (request.getPath().contains("//")) {
                // routes and filters would read empty segments differently (the relay's client even as a host name)
                throw ProblemException.notFound("path " + request.getPath());
            }
            if (PublicEndpoints.platform(request.getPath())) {
                return Mono.from(chain.proceed(request)).map(r -> finish(request, r, null, correlationId, started));
            }
            VerifiedToken token = bearer(headers.get(HttpHeaders.AUTHORIZATION));
            key = sources.resolve(token == null ? null : token.tenant(), headers.get(TenantSources.HEADER),
                    headers.get(HttpHeaders.HOST));
            boolean anonymous = PublicEndpoints.anonymous(request.getMethod(), request.getPath());
            String tenantKey = key;
            response = Mono.fromFuture(CallerLoop.resume(directory.find(key)))
                    .onErrorMap(e -> ProblemException.unavailable("tenant directory unavailable"))
                    .flatMap(entry -> admit(request, chain, entry.orElseThrow(() -> TenantGate.notFound(tenantKey)),
                            token, anonymous, correlationId));
        } catch (ProblemException e) {
            response = Mono.just(ProblemResponses.of(e));
        }
        String requestedKey = key;
        return response
                .onErrorResume(ProblemException.class, e -> Mono.just(ProblemResponses.of(e)))
                .map(r -> finish(request, r, requestedKey, correlationId, started));
    }

    private Mono<MutableHttpResponse<?>> admit(HttpRequest<?> request, ServerFilterChain chain, TenantEntry entry,
                                               @Nullable VerifiedToken token, boolean anonymous, String correlationId) {
        request.setAttribute(KNOWN_TENANT, entry.key());
        // the lifecycle gate answers first: a suspended, unknown or deleted host gets its 503/404/410
        // even without a token, as it does when Traefik's catch-all router sends it here
        TenantGate.admit(entry);
        if (token == null && !anonymous && !allowHeaderOnly) {
            throw ProblemException.unauthorized();
        }
        String role = token != null ? token.role() : anonymous ? "anonymous" : "member";
        request.setAttribute(Caller.ATTRIBUTE,
                new Caller(entry, token == null ? null : token.subject(), role, correlationId));
        if (anonymous) {
            // anyone may call these: they are throttled per client address, never on the tenant's plan
            return Mono.from(chain.proceed(request));
        }
        String route = route(request.getPath());
        // a token whose user is gone or demoted is refused before it spends anything of the plan
        CompletableFuture<RateLimitDecision> admitted = token == null ? limiter.check(entry, route)
                : holders.check(entry.key(), token).thenCompose(held -> limiter.check(entry, route));
        return Mono.fromFuture(CallerLoop.resume(admitted)).onErrorMap(e -> !(e instanceof ProblemException),
                e -> ProblemException.unavailable("cannot check the token's user now")).flatMap(decision -> {
            if (decision.unavailable()) {
                return Mono.just(ProblemResponses.of(ProblemException.unavailable("rate limiter unavailable")));
            }
            if (!decision.allowed()) {
                usage.rateLimited(entry.key());
                return Mono.just(RateLimitHeaders.apply(ProblemResponses.of(new ProblemException(Problem.of(429,
                        "rate-limited", "Too many requests", "rate limit of tenant " + entry.key() + " exceeded"),
                        (int) decision.retryAfter())), decision));
            }
            return Mono.from(chain.proceed(request)).map(r -> RateLimitHeaders.apply(r, decision));
        });
    }

    @Nullable
    private VerifiedToken bearer(@Nullable String authorization) {
        if (authorization == null) {
            return null;
        }
        if (!authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw ProblemException.unauthorized();
        }
        return tokens.verify(authorization.substring(BEARER.length()).trim());
    }

    private MutableHttpResponse<?> finish(HttpRequest<?> request, MutableHttpResponse<?> response,
                                          @Nullable String requestedKey, String correlationId, long started) {
        response.header(CorrelationIds.HEADER, correlationId);
        long nanos = System.nanoTime() - started;
        Caller caller = request.getAttribute(Caller.ATTRIBUTE, Caller.class).orElse(null);
        int status = response.code();
        String tenant = request.getAttribute(KNOWN_TENANT, String.class).orElse(null);
        metrics.request(tenant == null ? RequestMetrics.NO_TENANT : tenant, status, nanos);
        if (tenant != null) {
            usage.request(tenant, status);
        }
        accessLog.log(requestedKey, caller == null ? null : caller.subject(), request.getMethodName(),
                request.getPath(), status, nanos, correlationId);
        return response;
    }

    /** First path segment after /api/, the route of a per-route limit ({@code projects}, {@code users} …). */
    @Nullable
    static String route(String path) {
        int start = "/api/".length();
        if (path.length() <= start) {
            return null;
        }
        int end = path.indexOf('/', start);
        return end < 0 ? path.substring(start) : path.substring(start, end);
    }
}
