package dev.gateway.usage.rollup;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What one batch of events adds to the rollups, summed per tenant and hour and per tenant and day (UTC), with the
 * users it saw active. Sorted by tenant and bucket, so concurrent batches lock rows in the same order.
 */
public final class RollupChanges {

    private final Map<Bucket, Counters> hours = new TreeMap<>();
    private final Map<Bucket, Counters> days = new TreeMap<>();
    private final Set<ActiveUser> activeUsers = new TreeSet<>();
    /** The active users this instance had no mark of when the batch was applied. */
    private final Set<ActiveUser> unmarked = new TreeSet<>();
    private final Set<String> tenants = new TreeSet<>();

    public void add(String tenant, Instant at, Measure measure, long amount) {
        if (amount != 0) {
            hour(tenant, at).add(measure, amount);
            day(tenant, at).add(measure, amount);
        }
        tenants.add(tenant);
    }

    public void measured(String tenant, Instant at, long bytes) {
        hour(tenant, at).measured(bytes, at);
        day(tenant, at).measured(bytes, at);
        tenants.add(tenant);
    }

    public void active(String tenant, Instant at, String actorId) {
        activeUsers.add(new ActiveUser(tenant, at.truncatedTo(ChronoUnit.HOURS), actorId));
        tenants.add(tenant);
    }

    public Set<String> tenants() {
        return tenants;
    }

    Set<ActiveUser> unmarked() {
        return unmarked;
    }

    Map<Bucket, Counters> hours() {
        return hours;
    }

    Map<Bucket, Counters> days() {
        return days;
    }

    Set<ActiveUser> activeUsers() {
        return activeUsers;
    }

    Counters hour(String tenant, Instant at) {
        return hours.computeIfAbsent(new Bucket(tenant, at.truncatedTo(ChronoUnit.HOURS)), b -> new Counters());
    }

    Counters day(String tenant, Instant at) {
        return days.computeIfAbsent(new Bucket(tenant, at.truncatedTo(ChronoUnit.DAYS)), b -> new Counters());
    }

    /** A tenant's hour or day, by its start. */
    record Bucket(String tenant, Instant start) implements Comparable<Bucket> {

        private static final Comparator<Bucket> ORDER = Comparator.comparing(Bucket::tenant).thenComparing(Bucket::start);

        @Override
        public int compareTo(Bucket other) {
            return ORDER.compare(this, other);
        }
    }

    /** A user seen active in an hour (and so in its day). */
    record ActiveUser(String tenant, Instant hour, String actorId) implements Comparable<ActiveUser> {

        private static final Comparator<ActiveUser> ORDER = Comparator.comparing(ActiveUser::tenant)
                .thenComparing(ActiveUser::hour).thenComparing(ActiveUser::actorId);

        @Override
        public int compareTo(ActiveUser other) {
            return ORDER.compare(this, other);
        }
    }
}
