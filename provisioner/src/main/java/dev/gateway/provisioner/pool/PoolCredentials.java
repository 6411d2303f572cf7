package dev.gateway.provisioner.pool;

public record PoolCredentials(String username, String password) {

    @Override
    public String toString() {
        return "PoolCredentials[username=" + username + "]";
    }
}
