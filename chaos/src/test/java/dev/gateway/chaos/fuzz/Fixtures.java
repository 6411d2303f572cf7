package dev.gateway.chaos.fuzz;

import java.util.List;

/** A fixture with made-up tokens and ids: generation needs no running platform. */
final class Fixtures {

    static final String ADMIN_TOKEN = "admin.token.x";

    private Fixtures() {
    }

    static FuzzFixture fixture() {
        return new FuzzFixture(
                List.of(new FuzzFixture.Anchor("fz-d-0900", "tenant.token.a", "admin@fz-d-0900.example"),
                        new FuzzFixture.Anchor("fz-s-0901", "tenant.token.b", "admin@fz-s-0901.example")),
                "fz-d-0902", List.of("fz-ghost-1", "fz-ghost-2"), ADMIN_TOKEN,
                List.of("forged.admin.1", "forged.admin.2"), List.of("forged.tenant.1", "forged.tenant.2"),
                List.of("00000000-0000-0000-0000-000000000001", "00000000-0000-0000-0000-000000000002"));
    }
}
