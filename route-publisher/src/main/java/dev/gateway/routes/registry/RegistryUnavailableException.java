package dev.gateway.routes.registry;

/** The registry could not be asked for the desired tenant set; routes must be left as they are. */
public class RegistryUnavailableException extends RuntimeException {

    public RegistryUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public RegistryUnavailableException(String message) {
        super(message);
    }
}
