package dev.gateway.provisioner.pool;

/** The pool refused or did not answer a connection attempt. */
public class PoolUnreachableException extends RuntimeException {

    public PoolUnreachableException(PoolAddress address, Throwable cause) {
        super("pool " + address.key() + " is unreachable: " + rootMessage(cause), cause);
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
