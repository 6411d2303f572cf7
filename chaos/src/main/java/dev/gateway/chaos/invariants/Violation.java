package dev.gateway.chaos.invariants;

/** One broken invariant, with the tenant it concerns ({@code -} for the platform as a whole) and what was found. */
public record Violation(Invariant invariant, String tenant, String detail) {

    @Override
    public String toString() {
        return tenant + ": " + detail;
    }
}
