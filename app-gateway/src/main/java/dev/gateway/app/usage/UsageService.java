package dev.gateway.app.usage;

import dev.gateway.app.db.TenantTransactions;
import dev.gateway.app.directory.TenantEntry;
import dev.gateway.app.projects.ProjectService;
import dev.gateway.app.users.UserService;
import jakarta.inject.Singleton;

import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;

/**
 * A tenant's usage against its plan: users and projects counted in its database, requests and storage as usage-meter
 * measured them, limits from the directory entry.
 */
@Singleton
public class UsageService {

    private static final long MEGABYTE = 1024 * 1024;

    private final TenantTransactions tx;
    private final UserService users;
    private final ProjectService projects;
    private final MeteredUsage metered;

    public UsageService(TenantTransactions tx, UserService users, ProjectService projects, MeteredUsage metered) {
        this.tx = tx;
        this.users = users;
        this.projects = projects;
        this.metered = metered;
    }

    public UsageResponse of(TenantEntry tenant) {
        String period = YearMonth.now(ZoneOffset.UTC).toString();
        CompletableFuture<MeteredUsage.Measured> measured = metered.of(tenant.key(), period);
        long[] counted = tx.inTenant(tenant, c -> new long[]{users.seatsTaken(c), projects.count(c)});
        MeteredUsage.Measured figures = measured.exceptionally(unreachable -> new MeteredUsage.Measured(0, 0, 0))
                .join();
        return new UsageResponse(period,
                UsageResponse.Quota.of(counted[0], tenant.maxUsers()),
                UsageResponse.Quota.of(counted[1], tenant.maxProjects()),
                UsageResponse.Quota.of((figures.storageBytes() + MEGABYTE - 1) / MEGABYTE, tenant.maxStorageMb()),
                new UsageResponse.Quota(figures.requests(), null),
                tenant.ratePerSecond(), tenant.plan());
    }
}
