package dev.gateway.registry.http;

import java.util.Map;

/** 409 with a specific type, e.g. {@code tenant-exists}, {@code pool-full}. */
public class ConflictException extends ProblemException {

    public ConflictException(String type, String detail) {
        super(409, type, "Conflict", detail);
    }

    public ConflictException(String type, String detail, Map<String, Object> extensions) {
        super(409, type, "Conflict", detail, extensions);
    }
}
