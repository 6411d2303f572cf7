package dev.gateway.app.auth;

import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.gateway.app.directory.TenantDirectoryService;
import dev.gateway.app.http.ProblemException;
import dev.gateway.app.users.User;
import dev.gateway.app.users.UserChanged;
import dev.gateway.app.users.UserService;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Whether the holder of one of our tokens is still an active user of its tenant with the token's role, so that a
 * deleted, disabled or demoted user's tokens stop working long before they expire. The answer comes from the
 * tenant's own users table, never from the request path: each holder is cached and read again in the background
 * once it is {@code userRecheck} old (its old value serving meanwhile), and dropped when it was not read for
 * twice that; a change made through this gateway drops it at once. So a request costs a map lookup, and a
 * holder whose tokens are in use one query per {@code userRecheck}. The cached user also answers {@code /api/me}.
 */
@Singleton
public class TokenHolders {

    private static final CompletableFuture<Void> HOLDS = CompletableFuture.completedFuture(null);

    private final AsyncLoadingCache<Holder, Optional<User>> holders;

    public TokenHolders(AuthConfig config, TenantDirectoryService directory, UserService users,
                        @Named(TaskExecutors.BLOCKING) Executor blocking) {
        this.holders = Caffeine.newBuilder()
                .maximumSize(100_000)
                .refreshAfterWrite(config.userRecheck())
                .expireAfterWrite(config.userRecheck().multipliedBy(2))
                .executor(blocking)
                .buildAsync((holder, executor) -> directory.find(holder.tenant()).thenApplyAsync(entry -> {
                    try {
                        return entry.flatMap(tenant -> users.activeUser(tenant, holder.user()));
                    } catch (ProblemException e) {
                        throw e;
                    } catch (RuntimeException e) {
                        throw ProblemException.unavailable("cannot check the token's user now");
                    }
                }, executor));
    }

    /** Completes when {@code token} may be used in {@code tenant}; fails with 401 when its holder lost the role. */
    public CompletableFuture<Void> check(String tenant, VerifiedToken token) {
        if (token.user() == null) {
            return HOLDS;
        }
        return user(tenant, token.user()).thenApply(user -> {
            if (user.isEmpty() || !user.get().role().equals(token.role())) {
                throw ProblemException.unauthorized();
            }
            return null;
        });
    }

    /** The active user behind a token of ours, as last read; empty once it is gone, disabled or not active. */
    public CompletableFuture<Optional<User>> user(String tenant, UUID user) {
        return holders.get(new Holder(tenant, user));
    }

    @EventListener
    void onUserChanged(UserChanged change) {
        holders.synchronous().invalidate(new Holder(change.tenant(), change.user()));
    }

    private record Holder(String tenant, UUID user) {
    }
}
