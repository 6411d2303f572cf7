package dev.gateway.registry.http;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Fixed-window request counters shared by every registry instance through Redis, for whatever must not be tried too
 * often: logins (per client address and per account), the anonymous platform endpoints (per client address). An
 * attempt over any of its limits is refused with 429 and not counted, so a flood neither extends the wait nor costs
 * the work behind the limit.
 * <p>
 * Redis unreachable: requests are still answered, counted in this instance's memory with the same limits until
 * Redis answers again (tried at most every few seconds). Each instance then allows its own budget; refusing
 * everything instead would lock the operators out of the control plane while Redis is down.
 * <p>
 * The client address is the connection's peer, or the last {@code X-Forwarded-For} entry when the peer is a
 * trusted proxy (the admin-ui and the app-gateway, which set that header to their own caller).
 */
@Singleton
public class Throttle {

    /** At most {@code max} attempts per {@code window}, counted under {@code key}. */
    public record Limit(String key, long max, Duration window) {
    }

    /** A counted attempt; {@link #giveBack} returns it to one of its limits. */
    public record Attempt(boolean inRedis) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(Throttle.class);
    private static final String PREFIX = "throttle:registry:";
    private static final Duration REDIS_TIMEOUT = Duration.ofMillis(500);
    private static final long REDIS_RETRY_MILLIS = 5_000;
    private static final int MAX_LOCAL_KEYS = 100_000;
    /** Dotted IPv4 or anything with a colon: text the JDK parses as an address without asking DNS. */
    private static final Pattern IP_LITERAL = Pattern.compile("^(\\d{1,3}(\\.\\d{1,3}){3}|[0-9A-Fa-f.]*:[0-9A-Fa-f.:]*)$");
    /**
     * Refuses (answering the milliseconds to wait) when a key is at its limit; otherwise counts on every key.
     * ARGV holds max and window (ms) of each key in turn.
     */
    private static final String ATTEMPT = """
            local wait = 0
            for i, key in ipairs(KEYS) do
              if tonumber(redis.call('GET', key) or '0') >= tonumber(ARGV[2 * i - 1]) then
                wait = math.max(wait, redis.call('PTTL', key))
              end
            end
            if wait > 0 then return wait end
            for i, key in ipairs(KEYS) do
              if redis.call('INCR', key) == 1 or redis.call('PTTL', key) < 0 then
                redis.call('PEXPIRE', key, ARGV[2 * i])
              end
            end
            return 0
            """;
    private static final String GIVE_BACK = """
            if tonumber(redis.call('GET', KEYS[1]) or '0') > 0 then redis.call('DECR', KEYS[1]) end
            return 0
            """;

    private final RedisClient client;
    private final List<Network> trustedProxies;
    private final Map<String, long[]> local = new ConcurrentHashMap<>();
    private volatile StatefulRedisConnection<String, String> connection;
    private volatile long redisRetryAt;
    private volatile boolean degraded;

    public Throttle(RedisClient client, @Value("${gateway.trusted-proxies:}") String trustedProxies) {
        this.client = client;
        this.trustedProxies = Arrays.stream(trustedProxies.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .map(Network::parse).toList();
        client.setOptions(ClientOptions.builder()
                .socketOptions(SocketOptions.builder().connectTimeout(REDIS_TIMEOUT).build())
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS).build());
    }

    /**
     * Counts one attempt against every limit, or refuses it with {@link RateLimitedException} (saying {@code what}
     * was tried too often) when one of them is reached.
     */
    public Attempt attempt(String what, Limit... limits) {
        String[] keys = Arrays.stream(limits).map(l -> PREFIX + l.key()).toArray(String[]::new);
        StatefulRedisConnection<String, String> redis = redis();
        long waitMillis;
        boolean inRedis = false;
        if (redis != null) {
            try {
                String[] args = Arrays.stream(limits)
                        .flatMap(l -> Stream.of(Long.toString(l.max()), Long.toString(l.window().toMillis())))
                        .toArray(String[]::new);
                waitMillis = redis.sync().eval(ATTEMPT, ScriptOutputType.INTEGER, keys, args);
                inRedis = true;
                recovered();
            } catch (RedisException e) {
                failed(e);
                waitMillis = countLocally(keys, limits);
            }
        } else {
            waitMillis = countLocally(keys, limits);
        }
        if (waitMillis > 0) {
            throw new RateLimitedException(Math.max(1, (waitMillis + 999) / 1000), what);
        }
        return new Attempt(inRedis);
    }

    /** The attempt does not count against {@code limit} after all (e.g. the credentials were right). */
    public void giveBack(Attempt attempt, Limit limit) {
        String key = PREFIX + limit.key();
        StatefulRedisConnection<String, String> redis = connection;
        if (attempt.inRedis() && redis != null) {
            try {
                redis.sync().eval(GIVE_BACK, ScriptOutputType.INTEGER, key);
            } catch (RedisException e) {
                failed(e);
            }
        } else {
            local.computeIfPresent(key, (k, count) -> {
                count[0] = Math.max(0, count[0] - 1);
                return count;
            });
        }
    }

    /** Text of any length (a user name, an email address) as a short key part. */
    public static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The peer, or what a trusted proxy says the client is. */
    public String clientAddress(HttpRequest<?> request) {
        InetSocketAddress remote = request.getRemoteAddress();
        InetAddress peer = remote == null ? null : remote.getAddress();
        if (peer == null) {
            return "unknown";
        }
        if (trustedProxies.stream().anyMatch(network -> network.contains(peer))) {
            List<String> forwarded = request.getHeaders().getAll("X-Forwarded-For");
            if (!forwarded.isEmpty()) {
                String[] hops = forwarded.get(forwarded.size() - 1).split(",");
                InetAddress client = literal(hops[hops.length - 1].trim());
                if (client != null) {
                    return client.getHostAddress();
                }
            }
        }
        return peer.getHostAddress();
    }

    @PreDestroy
    void close() {
        if (connection != null) {
            connection.close();
        }
    }

    private StatefulRedisConnection<String, String> redis() {
        if (connection != null || System.currentTimeMillis() < redisRetryAt) {
            return connection;
        }
        synchronized (this) {
            if (connection == null && System.currentTimeMillis() >= redisRetryAt) {
                try {
                    StatefulRedisConnection<String, String> opened = client.connect();
                    opened.setTimeout(REDIS_TIMEOUT);
                    connection = opened;
                } catch (RedisException e) {
                    failed(e);
                }
            }
            return connection;
        }
    }

    private void failed(RedisException e) {
        redisRetryAt = System.currentTimeMillis() + REDIS_RETRY_MILLIS;
        if (!degraded) {
            degraded = true;
            LOG.warn("throttle: Redis unreachable ({}); counting requests in this instance until it answers",
                    e.toString());
        }
    }

    private void recovered() {
        if (degraded) {
            degraded = false;
            LOG.info("throttle: Redis answers again; counts are shared again");
        }
    }

    /** The same rule as the Redis script, in this instance's memory: {count, window end in ms} per key. */
    private synchronized long countLocally(String[] keys, Limit[] limits) {
        long now = System.currentTimeMillis();
        if (local.size() > MAX_LOCAL_KEYS) {
            local.values().removeIf(count -> count[1] <= now);
        }
        long wait = 0;
        for (int i = 0; i < keys.length; i++) {
            long[] count = local.get(keys[i]);
            if (count != null && count[1] > now && count[0] >= limits[i].max()) {
                wait = Math.max(wait, count[1] - now);
            }
        }
        if (wait > 0) {
            return wait;
        }
        for (int i = 0; i < keys.length; i++) {
            long window = limits[i].window().toMillis();
            local.compute(keys[i], (k, count) -> count == null || count[1] <= now
                    ? new long[] {1, now + window} : new long[] {count[0] + 1, count[1]});
        }
        return 0;
    }

    /** An IP address written as one, never a name to look up. */
    private static InetAddress literal(String text) {
        if (!IP_LITERAL.matcher(text).matches()) {
            return null;
        }
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** An address or a CIDR block, e.g. {@code 127.0.0.1}, {@code ::1} or {@code 172.16.0.0/12}. */
    record Network(byte[] address, int prefix) {

        static Network parse(String text) {
            int slash = text.indexOf('/');
            InetAddress address = literal(slash < 0 ? text : text.substring(0, slash));
            if (address == null) {
                throw new IllegalArgumentException("GATEWAY_TRUSTED_PROXIES entry '" + text
                        + "' is not an IP address or CIDR block");
            }
            int bits = address.getAddress().length * 8;
            int prefix = slash < 0 ? bits : Integer.parseInt(text.substring(slash + 1));
            if (prefix < 0 || prefix > bits) {
                throw new IllegalArgumentException("GATEWAY_TRUSTED_PROXIES entry '" + text + "' has a bad prefix");
            }
            return new Network(address.getAddress(), prefix);
        }

        boolean contains(InetAddress candidate) {
            byte[] other = candidate.getAddress();
            if (other.length != address.length) {
                return false;
            }
            for (int bit = 0; bit < prefix; bit++) {
                int mask = 0x80 >> (bit % 8);
                if ((other[bit / 8] & mask) != (address[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
