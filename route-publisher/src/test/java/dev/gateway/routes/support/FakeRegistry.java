package dev.gateway.routes.support;

import dev.gateway.events.TenantSnapshot;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;

/** The desired tenant set the fake registry serves; tests put tenants in and switch it off. */
@Singleton
public class FakeRegistry {

    public static final String SECRET = "it-service-secret";

    private final Map<String, TenantSnapshot> tenants = new ConcurrentSkipListMap<>();
    private final Set<String> issuedTokens = ConcurrentHashMap.newKeySet();
    private final AtomicInteger pagesServed = new AtomicInteger();
    private final List<TenantSnapshot> pendingChanges = new ArrayList<>();
    private boolean changesDue;
    private volatile boolean down;

    public void put(TenantSnapshot tenant) {
        tenants.put(tenant.key(), tenant);
    }

    /**
     * Commits these tenants once the next listing has been served: a listing that starts after that one sees them.
     * Plays a change committed while a reconcile is under way.
     */
    public synchronized void changeAfterNextListing(TenantSnapshot tenant) {
        pendingChanges.add(tenant);
        changesDue = false;
    }

    public void remove(String key) {
        tenants.remove(key);
    }

    public void clear() {
        tenants.clear();
    }

    public void down(boolean down) {
        this.down = down;
    }

    boolean isDown() {
        return down;
    }

    String issueToken(String clientId) {
        String token = RegistryTokens.token(clientId, "service");
        issuedTokens.add(token);
        return token;
    }

    boolean accepts(String bearer) {
        return bearer != null && issuedTokens.contains(bearer);
    }

    /** Keys sorted; the cursor is the last key of the previous page. */
    synchronized List<TenantSnapshot> page(String after, int limit) {
        pagesServed.incrementAndGet();
        if (after == null && !pendingChanges.isEmpty()) {
            if (changesDue) {
                pendingChanges.forEach(this::put);
                pendingChanges.clear();
            }
            changesDue = !changesDue;
        }
        Map<String, TenantSnapshot> tail = after == null ? tenants
                : ((ConcurrentSkipListMap<String, TenantSnapshot>) tenants).tailMap(after, false);
        List<TenantSnapshot> page = new ArrayList<>(limit);
        for (TenantSnapshot t : tail.values()) {
            if (page.size() == limit) {
                break;
            }
            page.add(t);
        }
        return page;
    }

    boolean hasAfter(String key) {
        return ((ConcurrentSkipListMap<String, TenantSnapshot>) tenants).higherKey(key) != null;
    }

    public int pagesServed() {
        return pagesServed.get();
    }
}
