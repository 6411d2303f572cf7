package dev.gateway.chaos.workload;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The final state each tenant a scenario touched must reach: a registry status, or {@link #ABSENT} for a
 * create that was never accepted. A create whose answer was lost may end either way.
 */
public final class Expectations {

    public static final String ABSENT = "absent";
    public static final String READY = "ready";
    public static final String SUSPENDED = "suspended";
    public static final String DELETED = "deleted";

    private final Map<String, Set<String>> allowed = new ConcurrentHashMap<>();

    public void expect(String key, String... finalStates) {
        allowed.put(key, Set.of(finalStates));
    }

    /** The accepted create of {@code key} was answered by nothing we could read: ready or absent both fit. */
    public void expectUnknown(String key) {
        allowed.putIfAbsent(key, Set.of(READY, ABSENT));
    }

    public Map<String, Set<String>> snapshot() {
        return new TreeMap<>(allowed);
    }

    public int size() {
        return allowed.size();
    }
}
