package dev.gateway.app.resolve;

import dev.gateway.app.auth.AuthConfig;
import dev.gateway.app.auth.TokenVerifier;
import dev.gateway.app.auth.VerifiedToken;
import dev.gateway.app.directory.TenantDirectoryService;
import dev.gateway.app.directory.TenantEntry;
import dev.gateway.app.http.Problem;
import dev.gateway.app.http.ProblemException;
import dev.gateway.app.http.ProblemResponses;
import dev.gateway.app.observe.AccessLog;
import dev.gateway.app.observe.RequestMetrics;
import dev.gateway.app.ratelimit.RateLimitDecision;
import dev.gateway.app.ratelimit.RateLimiter;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.internal.ThreadExecutorMap;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * The front door of every /api request, before any controller: correlation id, token
 * verification, tenant resolution, lifecycle gate, rate limit; afterwards RateLimit headers,
 * metrics and the access log line. Hot path on a cache hit: no I/O except the one limiter call.
 */
@Filter("/api/**")
public class TenantResolutionFilter implements HttpServerFilter {

    static final String LOGIN_PATH = "/api/auth/token";
    private static final String BEARER = "Bearer ";

    private final TokenVerifier tokens;
    private final TenantSources sources;
    private final TenantDirectoryService directory;
    private final RateLimiter limiter;
    private final RequestMetrics metrics;
    private final AccessLog accessLog;
    private final boolean allowHeaderOnly;

    public TenantResolutionFilter(TokenVerifier tokens, TenantSources sources, TenantDirectoryService directory,
                                  RateLimiter limiter, RequestMetrics metrics, AccessLog accessLog, AuthConfig auth) {
        this.tokens = tokens;
        this.sources = sources;
        this.directory = directory;
        this.limiter = limiter;
        this.metrics = metrics;
        this.accessLog = accessLog;
        this.allowHeaderOnly = auth.allowHeaderOnly();
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        long started = System.nanoTime();
        HttpHeaders headers = request.getHeaders();
        String correlationId = CorrelationIds.of(headers.get(CorrelationIds.HEADER));
        Mono<MutableHttpResponse<?>> response;
        String key = null;
        try {
            VerifiedToken token = bearer(headers.get(HttpHeaders.AUTHORIZATION));
            key = sources.resolve(token == null ? null : token.tenant(), headers.get(TenantSources.HEADER),
                    headers.get(HttpHeaders.HOST));
            boolean login = LOGIN_PATH.equals(request.getPath());
            if (token == null && !login && !allowHeaderOnly) {
                throw ProblemException.unauthorized();
            }
            String tenantKey = key;
            response = Mono.fromFuture(onCallerLoop(directory.find(key)))
                    .onErrorMap(e -> ProblemException.unavailable("tenant directory unavailable"))
                    .flatMap(entry -> admit(request, chain, entry.orElseThrow(() -> TenantGate.notFound(tenantKey)),
                            token, login, correlationId));
        } catch (ProblemException e) {
            response = Mono.just(ProblemResponses.of(e));
        }
        String requestedKey = key;
        return response
                .onErrorResume(ProblemException.class, e -> Mono.just(ProblemResponses.of(e)))
                .map(r -> finish(request, r, requestedKey, correlationId, started));
    }

    private Mono<MutableHttpResponse<?>> admit(HttpRequest<?> request, ServerFilterChain chain, TenantEntry entry,
                                               @Nullable VerifiedToken token, boolean login, String correlationId) {
        TenantGate.admit(entry);
        String role = token != null ? token.role() : login ? "anonymous" : "member";
        request.setAttribute(Caller.ATTRIBUTE,
                new Caller(entry, token == null ? null : token.subject(), role, correlationId));
        return Mono.fromFuture(onCallerLoop(limiter.check(entry, route(request.getPath())))).flatMap(decision -> {
            if (decision.unavailable()) {
                return Mono.just(ProblemResponses.of(ProblemException.unavailable("rate limiter unavailable")));
            }
            if (!decision.allowed()) {
                return Mono.just(withRateLimit(ProblemResponses.of(new ProblemException(Problem.of(429,
                        "rate-limited", "Too many requests", "rate limit of tenant " + entry.key() + " exceeded"),
                        (int) decision.retryAfter())), decision));
            }
            return Mono.from(chain.proceed(request)).map(r -> withRateLimit(r, decision));
        });
    }

    /**
     * Redis replies complete on Lettuce's single I/O thread; continuing there would run every
     * request's controller and serialization on that one thread. Hop back to the event loop that
     * owns the request (it has to write the response anyway). Already-completed futures (cache
     * hits, limiter off) continue in place.
     */
    private static <T> CompletableFuture<T> onCallerLoop(CompletableFuture<T> future) {
        EventExecutor loop = ThreadExecutorMap.currentExecutor();
        if (future.isDone() || loop == null) {
            return future;
        }
        Executor sameOrHop = task -> {
            if (loop.inEventLoop()) {
                task.run();
            } else {
                loop.execute(task);
            }
        };
        return future.thenApplyAsync(Function.identity(), sameOrHop);
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

    private static MutableHttpResponse<?> withRateLimit(MutableHttpResponse<?> response, RateLimitDecision decision) {
        if (decision.policy() != null) {
            response.header("RateLimit-Policy", decision.policy());
            String current = decision.current();
            if (current != null) {
                response.header("RateLimit", current);
            }
        }
        return response;
    }

    private MutableHttpResponse<?> finish(HttpRequest<?> request, MutableHttpResponse<?> response,
                                          @Nullable String requestedKey, String correlationId, long started) {
        response.header(CorrelationIds.HEADER, correlationId);
        long nanos = System.nanoTime() - started;
        Caller caller = request.getAttribute(Caller.ATTRIBUTE, Caller.class).orElse(null);
        int status = response.code();
        metrics.request(caller == null ? RequestMetrics.NO_TENANT : caller.tenant().key(), status, nanos);
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
