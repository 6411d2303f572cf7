package dev.gateway.chaos.invariants;

/** What must hold after every scenario, checked against the stores themselves. */
public enum Invariant {
    FINAL_STATE("every accepted tenant reached its final state"),
    DUPLICATES("one tenant per key, no transition recorded twice for a revision"),
    DOUBLE_EFFECT("no event consumed or emitted twice with effect"),
    ORPHANS("no tenant database, schema or role without a live tenant"),
    MISSING_OBJECTS("every live tenant has its role, database/schema, tables and first admin"),
    ROUTES("Traefik routers in Redis equal the ready tenants"),
    DIRECTORY("tenant directory in Redis equals the registry (status, revision)"),
    OUTBOX("registry and provisioner outboxes drained"),
    DEAD_LETTERS("nothing dead-lettered"),
    STREAMS("the JetStream streams exist");

    private final String meaning;

    Invariant(String meaning) {
        this.meaning = meaning;
    }

    public String meaning() {
        return meaning;
    }
}
