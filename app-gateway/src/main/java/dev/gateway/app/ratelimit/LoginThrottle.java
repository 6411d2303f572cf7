package dev.gateway.app.ratelimit;

import dev.gateway.problems.Problem;
import dev.gateway.app.http.ProblemException;
import dev.gateway.app.redis.LuaScript;
import dev.gateway.app.redis.RedisLink;
import dev.gateway.app.redis.RedisLinks;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.io.ResourceResolver;
import jakarta.inject.Named;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What a password check (and any other anonymous request) may cost, bounded before it runs: per client address
 * (every attempt) and per account (tenant + email; failures) in Redis, shared by every gateway, never on the
 * tenant's plan budget; and a few checks at a time on this gateway, so that bcrypt work from a flood spread over
 * many addresses cannot take the cores from authenticated traffic. Redis unreachable: no check runs (503), since
 * unthrottled guessing is worse than a login that has to wait.
 */
@Context
public class LoginThrottle {

    private static final Logger LOG = LoggerFactory.getLogger(LoginThrottle.class);
    /** bcrypt at cost 10 takes ~70 ms: eight queued checks per slot answer within about half a second. */
    private static final int WAITING_PER_SLOT = 8;
    private static final long SLOT_WAIT_MILLIS = 1000;
    private static final long REDIS_WAIT_MILLIS = 5000;

    private final RedisLink redis;
    private final LuaScript script;
    private final MeterRegistry meters;
    private final Semaphore slots;
    private final AtomicInteger waiting = new AtomicInteger();
    private final int maxWaiting;
    private final String window;
    private final String addressAttempts;
    private final String accountFailures;

    public LoginThrottle(@Named(RedisLinks.RATE_LIMIT) RedisLink redis, ResourceResolver resources,
                         LoginThrottleConfig config, MeterRegistry meters) {
        this.redis = redis;
        this.script = new LuaScript(resources, "ratelimit/login-throttle.lua");
        this.meters = meters;
        this.slots = new Semaphore(config.concurrency(), true);
        this.maxWaiting = config.concurrency() * WAITING_PER_SLOT;
        this.window = Long.toString(TimeUnit.NANOSECONDS.toMicros(config.window().toNanos()));
        this.addressAttempts = Integer.toString(config.addressAttempts());
        this.accountFailures = Integer.toString(config.accountFailures());
    }

    /**
     * Counts a login attempt of {@code email} in {@code tenant} from {@code address}, as a failure until
     * {@link Attempt#succeeded()}; 429 when a limit is reached, 503 when this cannot be counted or too many
     * checks wait. Close the attempt when the check is done.
     */
    public Attempt begin(String address, String tenant, String email) {
        String[] keys = {LoginKeys.address(address), LoginKeys.account(tenant, email)};
        List<Long> reply = call(keys, "attempt");
        refuseOver(reply);
        if (!takeSlot()) {
            refund(keys);
            refused("busy");
            throw ProblemException.unavailable("too many logins at once");
        }
        return new Attempt(keys);
    }

    /**
     * Counts an anonymous request that checks no password (a public page's data) against the client address's
     * attempts: 429 when they are used up, 503 when this cannot be counted.
     */
    public void countAddress(String address) {
        refuseOver(call(new String[]{LoginKeys.address(address), LoginKeys.address(address)}, "address"));
    }

    private void refuseOver(List<Long> reply) {
        if (reply.get(0) != 0) {
            refused(reply.get(0) == 1 ? "address" : "account");
            throw new ProblemException(Problem.of(429, "rate-limited", "Too many attempts",
                    "too many sign-in attempts or public requests, try again later"),
                    (int) Math.max(1, TimeUnit.MICROSECONDS.toSeconds(reply.get(1)) + 1));
        }
    }

    private List<Long> call(String[] keys, String mode) {
        CompletableFuture<List<Long>> reply = redis.commands()
                .thenCompose(r -> script.run(r, keys, window, addressAttempts, accountFailures, mode));
        try {
            return reply.get(REDIS_WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            meters.counter("gateway.login.throttle.unavailable").increment();
            LOG.warn("login throttle: Redis did not answer ({}), refusing the login", e.getClass().getSimpleName());
            throw ProblemException.unavailable("login temporarily unavailable");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ProblemException.unavailable("login temporarily unavailable");
        }
    }

    private boolean takeSlot() {
        if (waiting.incrementAndGet() > maxWaiting) {
            waiting.decrementAndGet();
            return false;
        }
        try {
            return slots.tryAcquire(SLOT_WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            waiting.decrementAndGet();
        }
    }

    /** Best effort: a refund Redis does not take leaves one failure too many, which the window forgets. */
    private void refund(String[] keys) {
        try {
            call(keys, "refund");
        } catch (ProblemException e) {
            LOG.debug("login throttle: refund not counted");
        }
    }

    private void refused(String rule) {
        meters.counter("gateway.login.throttled", "rule", rule).increment();
    }

    /** A password check in progress: holds one slot and, unless it succeeds, one failure of the account. */
    public final class Attempt implements AutoCloseable {

        private final String[] keys;
        private boolean succeeded;

        private Attempt(String[] keys) {
            this.keys = keys;
        }

        public void succeeded() {
            succeeded = true;
        }

        @Override
        public void close() {
            slots.release();
            if (succeeded) {
                refund(keys);
            }
        }
    }
}
