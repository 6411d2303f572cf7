package dev.gateway.provisioner.pool;

/** Quoting for identifiers that DDL cannot take as bind parameters. Names come from validated tenant keys. */
public final class Sql {

    private Sql() {
    }

    public static String ident(String name) {
        if (!name.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("not a safe identifier: " + name);
        }
        return '"' + name + '"';
    }
}
