package dev.gateway.chaos.fuzz;

import dev.gateway.events.TenantKey;

import java.util.List;
import java.util.Random;

/** A value for a body field: mostly one its endpoint could accept, otherwise garbage or the wrong type. */
final class FieldValues {

    private static final List<String> BAD_KEYS = List.of("admin", "api", "tenants", "A-Upper", "1abc", "a", "-x-",
            "ab-", "fz_under", "x".repeat(40), "fz..key", "fz key");
    private static final List<String> EMAILS = List.of("nobody@fz.example", "not-an-email", "a@b", "@", "a@",
            "fz+tag@fz.example", "x@" + "y".repeat(300) + ".example", "ünï@fz.example");
    private static final List<String> PASSWORDS = List.of("correct horse battery", "short", "p".repeat(80), "        ");
    private static final List<String> USERNAMES = List.of("fz-operator", "root", "operator", "viewer");
    private static final List<String> CLIENT_IDS = List.of("fz-client", "Route-Publisher", "-", "a");
    private static final List<String> PLANS = List.of("free", "starter", "enterprise", "no-such-plan", "FREE");
    private static final List<String> POOL_HOSTS = List.of("example.invalid", "db.invalid", "127.0.0.1.invalid", "",
            "[::1", "host:5432");
    private static final List<Object> INTS = List.of(1, 10, 0, -5, 100_000, Integer.MAX_VALUE);
    private static final List<Object> PORTS = List.of(5432, 0, -1, 65536, 99_999);
    private static final List<Object> FALSE_FLAGS = List.of(false, "no", 0, List.of());

    private final FuzzFixture fixture;

    FieldValues(FuzzFixture fixture) {
        this.fixture = fixture;
    }

    Object value(FieldKind kind, Random r) {
        Object value = Garbage.chance(r, 0.6) ? plausible(kind, r) : Garbage.wrongType(r);
        return kind == FieldKind.NEW_TENANT_KEY || kind == FieldKind.FALSE_FLAG ? safe(kind, value, r) : value;
    }

    private Object plausible(FieldKind kind, Random r) {
        return switch (kind) {
            case NEW_TENANT_KEY -> Garbage.chance(r, 0.5) ? Garbage.pick(r, fixture.anchorKeys()) : Garbage.pick(r, BAD_KEYS);
            case TENANT_REF -> Garbage.pick(r, List.of(Garbage.pick(r, fixture.anchorKeys()), fixture.victim(),
                    Garbage.pick(r, fixture.ghosts()), Garbage.pick(r, BAD_KEYS)));
            case TEXT -> Garbage.chance(r, 0.5) ? "Fuzz " + r.nextInt(1000) : Garbage.string(r);
            case LONG_TEXT -> Garbage.chance(r, 0.2) ? "d".repeat(4990 + r.nextInt(20)) : Garbage.string(r);
            case EMAIL -> Garbage.pick(r, EMAILS);
            case PASSWORD -> Garbage.pick(r, PASSWORDS);
            case USERNAME -> Garbage.pick(r, USERNAMES);
            case CLIENT_ID -> Garbage.pick(r, CLIENT_IDS);
            case INT -> Garbage.pick(r, INTS);
            case BOOL -> r.nextBoolean();
            case FALSE_FLAG -> Garbage.pick(r, FALSE_FLAGS);
            case UUID -> Garbage.chance(r, 0.5) && !fixture.knownIds().isEmpty() ? Garbage.pick(r, fixture.knownIds())
                    : new java.util.UUID(r.nextLong(), r.nextLong()).toString();
            case PLAN -> Garbage.pick(r, PLANS);
            case NEW_PLAN_KEY -> Garbage.chance(r, 0.5) ? "fz-plan-" + r.nextInt(50) : Garbage.pick(r, PLANS);
            case POOL_HOST -> Garbage.pick(r, POOL_HOSTS);
            case PORT -> Garbage.pick(r, PORTS);
            case ISOLATION -> Garbage.pick(r, List.of("database", "schema", "table", "DATABASE"));
            case POOL_STATUS -> Garbage.pick(r, List.of("active", "draining", "disabled", "deleted"));
            case ROLE -> Garbage.pick(r, List.of("admin", "member", "owner", "ADMIN"));
            case TASK_STATUS -> Garbage.pick(r, List.of("todo", "doing", "done", "blocked"));
            case DATE -> Garbage.pick(r, List.of("2026-12-01", "2026-13-45", "yesterday", "0000-00-00", "+999999999-12-31"));
            case TEXT_LIST -> List.of(Garbage.string(r), "reports");
            case SIGNUP_POLICY -> Garbage.pick(r, List.of("closed", "approval", "open", "OPEN", "everyone"));
        };
    }

    /**
     * No tenant key that could be created (a valid key nobody has, also as a boolean, which a lenient reader
     * takes for the text {@code "false"}), and no flag that is {@code true}: either would start real work (a new
     * tenant's database, a migration of the whole fleet) instead of testing input handling.
     */
    private Object safe(FieldKind kind, Object value, Random r) {
        if (kind == FieldKind.FALSE_FLAG) {
            return Boolean.TRUE.equals(value) || "true".equals(value) ? false : value;
        }
        String key = value instanceof String || value instanceof Boolean ? String.valueOf(value) : null;
        if (TenantKey.isValid(key) && !fixture.anchorKeys().contains(key)) {
            return Garbage.pick(r, fixture.anchorKeys());
        }
        return value;
    }
}
