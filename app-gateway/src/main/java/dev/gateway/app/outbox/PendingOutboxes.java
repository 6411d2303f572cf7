package dev.gateway.app.outbox;

import dev.gateway.app.redis.RedisConfig;
import dev.gateway.app.redis.RedisLink;
import dev.gateway.app.redis.RedisLinks;
import io.lettuce.core.Range;
import io.lettuce.core.ScriptOutputType;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The tenants whose outbox may hold rows no relay has taken yet: Redis sorted set {@code outbox:pending}, member the
 * tenant key, score when a change last wrote events (epoch ms). A change marks its tenant before it commits, so a row
 * that committed has a mark (while Redis answers), whatever happens to the gateway afterwards. A mark is removed only when that
 * tenant's outbox was found empty and nobody marked it again since the mark was read.
 */
@Singleton
public class PendingOutboxes {

    static final String KEY = "outbox:pending";
    private static final Logger LOG = LoggerFactory.getLogger(PendingOutboxes.class);
    /** Removes the member only when its score is still the one read before the outbox was found empty. */
    private static final String REMOVE_IF_UNCHANGED =
            "if tonumber(redis.call('ZSCORE', KEYS[1], ARGV[1])) == tonumber(ARGV[2]) then"
                    + " return redis.call('ZREM', KEYS[1], ARGV[1]) end return 0";

    private final RedisLink redis;
    private final Duration timeout;

    public PendingOutboxes(@Named(RedisLinks.DIRECTORY) RedisLink redis, RedisConfig config) {
        this.redis = redis;
        this.timeout = config.commandTimeout();
    }

    /**
     * Marks the tenant. Redis not answering does not refuse the change: the relay after commit still sends its rows,
     * and should this gateway die before that, its next start relays every tenant; only a gateway that dies then and
     * never starts again leaves them to another gateway's start.
     */
    public void mark(String tenant) {
        try {
            redis.commands().thenCompose(c -> c.zadd(KEY, System.currentTimeMillis(), tenant).toCompletableFuture())
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("tenant {}: cannot mark its outbox pending, relaying after commit only: {}", tenant, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Tenants marked at or before {@code epochMillis}, with their marks, oldest first. */
    public List<Mark> markedBefore(long epochMillis, int limit) throws Exception {
        return redis.commands().thenCompose(c -> c.zrangebyscoreWithScores(KEY,
                        Range.create(Double.NEGATIVE_INFINITY, (double) epochMillis),
                        io.lettuce.core.Limit.create(0, limit)).toCompletableFuture())
                .get(timeout.toMillis(), TimeUnit.MILLISECONDS).stream()
                .map(v -> new Mark(v.getValue(), (long) v.getScore())).toList();
    }

    /** Removes the mark if it is still {@code mark} (the tenant's outbox was found empty after it was read). */
    public void clear(Mark mark) throws Exception {
        redis.commands().thenCompose(c -> c.<Long>eval(REMOVE_IF_UNCHANGED, ScriptOutputType.INTEGER,
                        new String[]{KEY}, mark.tenant(), Long.toString(mark.score())).toCompletableFuture())
                .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** A tenant and the score of its mark. */
    public record Mark(String tenant, long score) {
    }
}
