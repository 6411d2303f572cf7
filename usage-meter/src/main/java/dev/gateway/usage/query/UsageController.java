package dev.gateway.usage.query;

import dev.gateway.events.TenantKey;
import dev.gateway.usage.http.Csv;
import dev.gateway.usage.tenant.KnownTenants;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Usage over time, the top tenants and sparklines, for operators (admins, viewers) and services. */
@Controller("/api/gateway/usage")
@Secured({"admin", "viewer", "service"})
@Produces({MediaType.APPLICATION_JSON, Csv.TYPE})
@Tag(name = "usage")
public class UsageController {

    private static final Duration DEFAULT_SPAN = Duration.ofHours(24);
    private static final int MAX_TENANTS = 100;
    private static final Duration LONGEST_SPARKLINE = Duration.ofDays(31);

    private final UsageSeriesQuery series;
    private final TopTenantsQuery top;
    private final SparklinesQuery sparklines;
    private final KnownTenants tenants;
    private final Clock clock = Clock.systemUTC();

    public UsageController(UsageSeriesQuery series, TopTenantsQuery top, SparklinesQuery sparklines,
                           KnownTenants tenants) {
        this.series = series;
        this.top = top;
        this.sparklines = sparklines;
        this.tenants = tenants;
    }

    @Get
    @Operation(summary = "Usage per hour or day of one tenant or the whole fleet; Accept: text/csv for a CSV export")
    public HttpResponse<?> usage(HttpRequest<?> request, @QueryValue @Nullable String from,
                                 @QueryValue @Nullable String to, @QueryValue("group_by") @Nullable String groupBy,
                                 @QueryValue @Nullable String tenant) {
        Granularity granularity = Granularity.parse(groupBy);
        TimeRange range = TimeRange.parse(from, to, DEFAULT_SPAN, clock).aligned(granularity);
        if (tenant != null && !(TenantKey.PATTERN.matcher(tenant).matches() && tenants.exists(tenant))) {
            throw new TenantNotFoundException(tenant);
        }
        List<UsagePoint> points = series.points(range, granularity, tenant);
        if (Csv.wanted(request)) {
            return Csv.response(UsagePoint.COLUMNS, points.stream().map(UsagePoint::cells).toList(),
                    "usage-" + (tenant == null ? "fleet" : tenant) + ".csv");
        }
        return HttpResponse.ok(new UsageSeries(range.from(), range.to(), granularity.name().toLowerCase(), tenant, points));
    }

    @Get("/top")
    @Operation(summary = "Tenants ranked by a metric over a range (the noisy neighbours); Accept: text/csv for a CSV export")
    public HttpResponse<?> top(HttpRequest<?> request, @QueryValue @Nullable String metric,
                               @QueryValue @Nullable String from, @QueryValue @Nullable String to,
                               @QueryValue @Nullable String limit) {
        Metric ranked = Metric.parse(metric);
        TimeRange range = TimeRange.parse(from, to, DEFAULT_SPAN, clock).aligned(Granularity.HOUR);
        List<TopItem> items = top.top(ranked, range, Limits.parse(limit, 10, 100));
        if (Csv.wanted(request)) {
            return Csv.response(TopItem.COLUMNS, items.stream().map(TopItem::cells).toList(),
                    "usage-top-" + ranked.column() + ".csv");
        }
        return HttpResponse.ok(new TopTenants(ranked.column(), range.from(), range.to(), items));
    }

    @Get("/sparklines")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "An hourly series of one metric for up to 100 tenants")
    public Sparklines sparklines(@QueryValue @Nullable String metric, @QueryValue @Nullable String tenants,
                                 @QueryValue @Nullable String from, @QueryValue @Nullable String to) {
        Metric drawn = Metric.parse(metric);
        if (drawn == Metric.STORAGE_BYTES) {
            throw new InvalidQueryException("sparklines draw requests, errors, db_ms, rate_limited or active_users");
        }
        Set<String> keys = new LinkedHashSet<>(Arrays.stream(tenants == null ? new String[0] : tenants.split(","))
                .map(String::strip).filter(k -> !k.isEmpty()).toList());
        if (keys.isEmpty() || keys.size() > MAX_TENANTS) {
            throw new InvalidQueryException("tenants must list 1 to " + MAX_TENANTS + " tenant keys, comma-separated");
        }
        keys.stream().filter(k -> !TenantKey.PATTERN.matcher(k).matches()).findFirst().ifPresent(k -> {
            throw new InvalidQueryException("not a tenant key: " + k);
        });
        TimeRange range = TimeRange.parse(from, to, DEFAULT_SPAN, clock).aligned(Granularity.HOUR)
                .notLongerThan(LONGEST_SPARKLINE, "sparklines");
        return new Sparklines(drawn.column(), range.from(), range.to(),
                sparklines.series(drawn, range, keys, this.tenants.existing(keys)));
    }
}
