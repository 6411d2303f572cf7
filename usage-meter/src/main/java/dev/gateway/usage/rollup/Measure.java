package dev.gateway.usage.rollup;

import java.util.Locale;

/** The counters of an hourly and a daily rollup, in column order. */
public enum Measure {
    REQUESTS, ERRORS, RATE_LIMITED, DB_MS, ACTIVE_USERS, LOGINS, FAILED_LOGINS, PROJECTS_CREATED, TASKS_CREATED,
    TASKS_COMPLETED;

    public String column() {
        return name().toLowerCase(Locale.ROOT);
    }
}
