package dev.gateway.provisioner.pool;

/** A tenant names a pool server that is not in the provisioner's list; nothing connects to it. */
public class PoolHostNotAllowedException extends RuntimeException {

    public PoolHostNotAllowedException(PoolAddress address) {
        super("pool server " + address.key() + " is not an allowed pool server (GATEWAY_POOL_SERVERS)");
    }
}
