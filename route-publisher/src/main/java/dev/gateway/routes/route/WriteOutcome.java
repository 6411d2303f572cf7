package dev.gateway.routes.route;

/** What a tenant write did: applied, skipped as a duplicate of the stored revision, or refused as stale. */
public record WriteOutcome(Kind kind, long keysRemoved) {

    static WriteOutcome of(java.util.List<Long> scriptResult) {
        return new WriteOutcome(Kind.of(scriptResult.get(0)), scriptResult.get(1));
    }

    public enum Kind {
        APPLIED, SAME_REVISION, STALE;

        static Kind of(long code) {
            return code > 0 ? APPLIED : code == 0 ? SAME_REVISION : STALE;
        }
    }
}
