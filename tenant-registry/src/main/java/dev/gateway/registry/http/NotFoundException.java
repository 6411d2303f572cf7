package dev.gateway.registry.http;

/** 404 with a resource specific type, e.g. {@code tenant-not-found}. */
public class NotFoundException extends ProblemException {

    public NotFoundException(String type, String detail) {
        super(404, type, "Not found", detail);
    }
}
