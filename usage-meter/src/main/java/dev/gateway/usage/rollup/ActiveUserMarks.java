package dev.gateway.usage.rollup;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The users this instance has committed as active in an hour, most recent first, bounded: a user acting again in
 * the same hour is known to be counted already (its row was committed), so the batch skips the database for it.
 * An entry only ever says "committed"; an evicted one costs an insert that finds the row present.
 */
final class ActiveUserMarks {

    private final Map<RollupChanges.ActiveUser, Boolean> committed;

    ActiveUserMarks(int capacity) {
        this.committed = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<RollupChanges.ActiveUser, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized boolean known(RollupChanges.ActiveUser user) {
        return committed.get(user) != null;
    }

    synchronized void committed(Iterable<RollupChanges.ActiveUser> users) {
        users.forEach(user -> committed.put(user, Boolean.TRUE));
    }
}
