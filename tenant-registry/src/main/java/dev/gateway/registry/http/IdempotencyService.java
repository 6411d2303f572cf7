package dev.gateway.registry.http;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Supplier;

/**
 * {@code Idempotency-Key} on POST: the key, a keyed fingerprint of the request and the response are stored in the
 * transaction of the operation itself; a replay answers the stored response, the same key with another request is
 * a 422 problem. Callers pass the request without its secret fields and a stored response without one-time
 * secrets, so the table holds no password in any form.
 */
@Singleton
public class IdempotencyService {

    private static final int MAX_KEY_LENGTH = 200;

    private final IdempotencyRepository repository;
    private final JsonMapper json;
    private final RequestFingerprint fingerprint;

    public IdempotencyService(IdempotencyRepository repository, JsonMapper json, RequestFingerprint fingerprint) {
        this.repository = repository;
        this.json = json;
        this.fingerprint = fingerprint;
    }

    @Transactional
    public HttpResponse<?> execute(@Nullable String key, String operation, Object request,
                                   Supplier<IdempotentResult> action) {
        if (key == null) {
            return render(action.get());
        }
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw new ValidationException("Idempotency-Key", "Idempotency-Key must be 1.." + MAX_KEY_LENGTH + " characters");
        }
        String hash = fingerprint.of(operation, write(request));
        if (repository.claim(key, hash) == 0) {
            IdempotencyRecord stored = repository.findById(key).orElseThrow();
            if (!stored.requestHash().equals(hash)) {
                throw new ProblemException(422, "idempotency-key-reused", "Idempotency-Key reused",
                        "Idempotency-Key was already used for a different request");
            }
            return HttpResponse.status(HttpStatus.valueOf(stored.status()))
                    .contentType(MediaType.APPLICATION_JSON_TYPE)
                    .header("Idempotent-Replayed", "true")
                    .body(stored.body());
        }
        IdempotentResult result = action.get();
        repository.complete(key, result.status(), write(result.stored()));
        return render(result);
    }

    private HttpResponse<?> render(IdempotentResult result) {
        return HttpResponse.status(HttpStatus.valueOf(result.status())).body(result.body());
    }

    private String write(Object value) {
        try {
            return value == null ? "null" : json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
