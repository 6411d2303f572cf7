package dev.gateway.app.db;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;

/**
 * The connection a tenant transaction's work sees. The transaction's scope (its {@code SET LOCAL}s) goes out
 * with the work's first statement, in the same message: the driver sends the parts of a multi-statement text
 * together and PostgreSQL runs nothing after a failed part, so the statement never runs unscoped, and the
 * scope costs no round trip of its own. Any other first use of the connection runs the scope alone first.
 * <p>
 * A read ({@link #reading}) also carries the {@code COMMIT}: scope, statement and commit are one message and one
 * round trip, and the connection refuses any further statement, which would run outside the transaction.
 * <p>
 * Later statements go out as the work wrote them. The driver's server-side prepared statements are shared by
 * every tenant using the connection, which is safe: PostgreSQL re-plans a prepared statement whose search path
 * differs from the one it was planned under, and checks privileges as the current role on every execution
 * ({@code PreparedStatementsIT}).
 */
final class ScopedConnection implements InvocationHandler {

    private final Connection connection;
    private final String scope;
    private final int scopeStatements;
    private final boolean oneStatement;
    private boolean scoped;
    private boolean committed;

    private ScopedConnection(Connection connection, String scope, int scopeStatements, boolean oneStatement) {
        this.connection = connection;
        this.scope = scope;
        this.scopeStatements = scopeStatements;
        this.oneStatement = oneStatement;
    }

    /** {@code scope}: {@code scopeStatements} statements without parameters. */
    static Connection of(Connection connection, String scope, int scopeStatements) {
        return proxy(new ScopedConnection(connection, scope, scopeStatements, false));
    }

    /** A connection for one statement, which commits the transaction as it runs. */
    static Connection reading(Connection connection, String scope, int scopeStatements) {
        return proxy(new ScopedConnection(connection, scope, scopeStatements, true));
    }

    private static Connection proxy(ScopedConnection handler) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[]{Connection.class},
                handler);
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (method.getDeclaringClass() == Object.class) {
            return call(connection, method, args);
        }
        if (committed) {
            throw new SQLException("a read runs one statement; its transaction has ended", "25000");
        }
        if (!scoped && "prepareStatement".equals(method.getName()) && args[0] instanceof String sql) {
            args[0] = scope + ";\n" + sql + (oneStatement ? ";\nCOMMIT" : "");
            PreparedStatement statement = (PreparedStatement) call(connection, method, args);
            return (PreparedStatement) Proxy.newProxyInstance(PreparedStatement.class.getClassLoader(),
                    new Class<?>[]{PreparedStatement.class}, new ScopedStatement(statement));
        }
        if (oneStatement) {
            throw new SQLException("a read runs one prepared statement, not " + method.getName(), "0A000");
        }
        if (!scoped) {
            scoped = true;
            try (Statement alone = connection.createStatement()) {
                alone.execute(scope);
            }
        }
        return call(connection, method, args);
    }

    static Object call(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /**
     * A statement prepared before the scope ran, its text preceded by the scope: executing it steps over the
     * scope's results, and from then on the connection is scoped. Until one such statement has executed, every
     * statement prepared carries the scope (running it twice sets the same values again).
     */
    private final class ScopedStatement implements InvocationHandler {

        private final PreparedStatement statement;

        private ScopedStatement(PreparedStatement statement) {
            this.statement = statement;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            boolean bare = args == null;
            switch (bare ? method.getName() : "") {
                case "execute":
                    return execute();
                case "executeQuery":
                    execute();
                    if (statement.getResultSet() == null) {
                        throw new SQLException("No results were returned by the query.", "02000");
                    }
                    return statement.getResultSet();
                case "executeUpdate":
                    execute();
                    return statement.getUpdateCount();
                case "executeLargeUpdate":
                    execute();
                    return statement.getLargeUpdateCount();
                case "addBatch":
                    throw new SQLFeatureNotSupportedException("a tenant transaction's first statement carries its "
                            + "scope and cannot be batched");
                default:
                    return call(statement, method, args);
            }
        }

        private boolean execute() throws SQLException {
            statement.execute();
            scoped = true;
            committed = oneStatement;
            for (int i = 0; i < scopeStatements; i++) {
                statement.getMoreResults();
            }
            return statement.getResultSet() != null;
        }
    }
}
