package dev.gateway.usage.activity;

import dev.gateway.events.EventType;
import dev.gateway.events.Stream;
import dev.gateway.events.TenantKey;
import dev.gateway.usage.UsageProperties;
import dev.gateway.runtime.database.PlatformDb;
import dev.gateway.usage.http.Csv;
import dev.gateway.usage.query.InvalidQueryException;
import dev.gateway.usage.query.Limits;
import dev.gateway.usage.query.TenantNotFoundException;
import dev.gateway.usage.query.TimeRange;
import dev.gateway.usage.tenant.KnownTenants;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/** A tenant's activity feed (who created what, sign-ins), newest first, for operators and services. */
@Controller("/api/gateway/tenants/{key}/activity")
@Secured({"admin", "viewer", "service"})
@Produces({MediaType.APPLICATION_JSON, Csv.TYPE})
@Tag(name = "activity")
public class ActivityController {

    private static final Duration CLOCK_SKEW = Duration.ofHours(1);
    private static final String[] COLUMNS = {"id", "type", "occurred_at", "actor_id", "actor_email", "entity_id", "summary"};

    private final ActivityLog log;
    private final KnownTenants tenants;
    private final PlatformDb db;
    private final UsageProperties properties;
    private final Clock clock = Clock.systemUTC();

    public ActivityController(ActivityLog log, KnownTenants tenants, PlatformDb db, UsageProperties properties) {
        this.log = log;
        this.tenants = tenants;
        this.db = db;
        this.properties = properties;
    }

    @Get
    @Operation(summary = "A tenant's activity, newest first, keyset paginated; Accept: text/csv for a CSV export")
    public HttpResponse<?> activity(HttpRequest<?> request, @PathVariable String key, @QueryValue @Nullable String from,
                                    @QueryValue @Nullable String to, @QueryValue @Nullable String type,
                                    @QueryValue @Nullable String limit, @QueryValue @Nullable String cursor) {
        if (!TenantKey.PATTERN.matcher(key).matches() || !tenants.exists(key)) {
            throw new TenantNotFoundException(key);
        }
        if (type != null && Arrays.stream(EventType.values()).noneMatch(t -> t.stream() == Stream.ACTIVITY
                && t.subject().equals(type))) {
            throw new InvalidQueryException("type must be an activity event type, e.g. activity.project.created");
        }
        // by default the whole log, including entries stamped a little ahead by a gateway's clock
        TimeRange range = TimeRange.parse(from, to, Duration.ofDays(properties.activityDays()).plus(CLOCK_SKEW),
                Clock.offset(clock, CLOCK_SKEW));
        int size = Limits.parse(limit, 50, 500);
        ActivityQuery query = new ActivityQuery(key, range.from(), range.to(), type, size,
                cursor == null || cursor.isBlank() ? null : ActivityCursor.parse(cursor));
        List<ActivityItem> rows = db.inTransaction(connection -> log.page(connection, query));
        List<ActivityItem> items = rows.size() > size ? rows.subList(0, size) : rows;
        String next = rows.size() > size ? ActivityCursor.of(items.get(items.size() - 1)).encode() : null;
        if (Csv.wanted(request)) {
            var csv = Csv.response(COLUMNS, items.stream().map(i -> new Object[]{i.id(), i.type(), i.occurredAt(),
                    i.actorId(), i.actorEmail(), i.entityId(), i.summary()}).toList(), "activity-" + key + ".csv");
            return next == null ? csv : csv.header("Link", "<?cursor=" + next + ">; rel=\"next\"");
        }
        return HttpResponse.ok(new ActivityPage(items, next));
    }
}
