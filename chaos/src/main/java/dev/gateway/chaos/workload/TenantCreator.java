package dev.gateway.chaos.workload;

import dev.gateway.chaos.client.AdminApi;
import dev.gateway.chaos.client.HttpAnswer;
import dev.gateway.chaos.report.StatusCounts;
import dev.gateway.chaos.wait.Deadline;

import java.time.Duration;
import java.util.Optional;

/**
 * Creates a tenant the way a careful operator script would: with an Idempotency-Key, retrying while the
 * registry is away, and recording what each tenant must end up as.
 */
public final class TenantCreator {

    private final Pools pools;
    private final Expectations expectations;
    private final StatusCounts answers;

    public TenantCreator(Pools pools, Expectations expectations, StatusCounts answers) {
        this.pools = pools;
        this.expectations = expectations;
        this.answers = answers;
    }

    public Expectations expectations() {
        return expectations;
    }

    /** Retries until the registry accepts (202), refuses for good (4xx) or the deadline passes; empty unless accepted. */
    public Optional<CreatedTenant> create(AdminApi api, String key, Isolation isolation, String plan, Deadline deadline) {
        String email = "admin@" + key + ".example";
        while (true) {
            // without an email the 202 carries the invitation link (with one it would be mailed)
            HttpAnswer answer = api.createTenant(key, pools.id(isolation), plan, null, "chaos-create-" + key);
            answers.add(answer.label());
            if (answer.is(202)) {
                expectations.expect(key, Expectations.READY);
                String link = answer.json().path("invitation").path("url").asText(null);
                return Optional.of(new CreatedTenant(key, isolation, email,
                        link == null ? null : link.substring(link.indexOf('#') + 1)));
            }
            if (answer.is(409) && "tenant-exists".equals(answer.problemType())) {
                // an earlier attempt whose answer was lost had committed
                expectations.expect(key, Expectations.READY);
                return Optional.of(new CreatedTenant(key, isolation, email, null));
            }
            if (answer.status() >= 400 && answer.status() < 500) {
                expectations.expect(key, Expectations.ABSENT);
                return Optional.empty();
            }
            expectations.expectUnknown(key);
            if (deadline.passed()) {
                return Optional.empty();
            }
            deadline.pause(Duration.ofMillis(250));
        }
    }
}
