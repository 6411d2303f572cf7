package dev.gateway.admin.usage;

import io.micronaut.serde.annotation.Serdeable;

import java.util.Map;
import java.util.function.Predicate;

/**
 * A tenant's traffic as the app-gateway's metrics count it.
 *
 * @param available   false when the app-gateway metrics could not be read
 * @param requests    requests served for the tenant, null when no request metric carries its tag
 * @param rateLimited requests refused with 429, null when unknown
 * @param metrics     every tenant-tagged metric, summed over its other labels
 * @param detail      why the usage is not available
 */
@Serdeable
public record TenantUsage(boolean available, Double requests, Double rateLimited, Map<String, Double> metrics,
                          String detail) {

    static TenantUsage unavailable(String detail) {
        return new TenantUsage(false, null, null, Map.of(), detail);
    }

    static TenantUsage of(Map<String, Double> metrics) {
        Predicate<String> rateLimited = name -> name.contains("rate_limit") || name.contains("ratelimit");
        Predicate<String> requests = name -> name.contains("request");
        return new TenantUsage(true, largestCount(metrics, requests.and(rateLimited.negate())),
                largestCount(metrics, rateLimited), metrics, null);
    }

    /** Several metrics may count the same requests (a counter and a timer's _count): take the largest, never the sum. */
    private static Double largestCount(Map<String, Double> metrics, Predicate<String> name) {
        return metrics.entrySet().stream()
                .filter(e -> (e.getKey().endsWith("_total") || e.getKey().endsWith("_count")) && name.test(e.getKey()))
                .map(Map.Entry::getValue)
                .max(Double::compare)
                .orElse(null);
    }
}
