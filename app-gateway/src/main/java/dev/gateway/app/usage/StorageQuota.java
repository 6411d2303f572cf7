package dev.gateway.app.usage;

import dev.gateway.app.directory.TenantEntry;
import dev.gateway.problems.Problem;
import dev.gateway.app.http.ProblemException;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.concurrent.CompletionException;

/**
 * The plan's storage quota: once usage-meter has measured a tenant's data past it, writes that add data (creating or
 * changing projects and tasks) are refused with 403 {@code quota-exceeded}; reads, deletions (which make room) and
 * signing in go on. Measurements are read from the cached usage hash, so a change of plan or of the measured size
 * applies within the cache's lifetime, without a restart. When Redis does not answer the write is let through: an
 * outage of the meter must not stop tenants working.
 */
@Singleton
public class StorageQuota {

    private static final Logger LOG = LoggerFactory.getLogger(StorageQuota.class);
    private static final long MEGABYTE = 1024 * 1024;

    private final MeteredUsage metered;

    public StorageQuota(MeteredUsage metered) {
        this.metered = metered;
    }

    public void requireRoom(TenantEntry tenant) {
        if (tenant.maxStorageMb() == 0) {
            return;
        }
        long used;
        try {
            used = metered.of(tenant.key(), YearMonth.now(ZoneOffset.UTC).toString()).join().storageBytes();
        } catch (CompletionException unreachable) {
            LOG.warn("storage of {} unknown, write allowed: {}", tenant.key(), unreachable.getMessage());
            return;
        }
        if (used > tenant.maxStorageMb() * MEGABYTE) {
            throw new ProblemException(Problem.of(403, "quota-exceeded", "Storage quota reached",
                    "the " + tenant.plan() + " plan allows " + tenant.maxStorageMb() + " MB of data and "
                            + (used + MEGABYTE - 1) / MEGABYTE + " MB are used: delete data to make room, "
                            + "or ask for a larger plan; reading goes on"));
        }
    }
}
