package dev.gateway.usage.query;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.time.Instant;

/** One bucket of a usage series; {@code errors} are 5xx answers, {@code storageBytes} the last measurement so far. */
@Serdeable(naming = SnakeCaseStrategy.class)
public record UsagePoint(Instant t, long requests, long errors, long rateLimited, long dbMs, long activeUsers,
                         long logins, long failedLogins, long projectsCreated, long tasksCreated, long tasksCompleted,
                         long storageBytes) {

    static final String[] COLUMNS = {"t", "requests", "errors", "rate_limited", "db_ms", "active_users", "logins",
        "failed_logins", "projects_created", "tasks_created", "tasks_completed", "storage_bytes"};

    Object[] cells() {
        return new Object[]{t, requests, errors, rateLimited, dbMs, activeUsers, logins, failedLogins, projectsCreated,
            tasksCreated, tasksCompleted, storageBytes};
    }
}
