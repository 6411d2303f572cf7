package dev.gateway.provisioner.migration;

import dev.gateway.problems.Problem;
import io.micronaut.context.annotation.Factory;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** Maps this feature's exceptions to problem+json responses. */
@Factory
class MigrationProblemHandlers {

    @Singleton
    ExceptionHandler<InvalidMigrationRequestException, HttpResponse<Problem>> invalid() {
        return (request, e) -> Problem.response(HttpStatus.BAD_REQUEST, "validation", e.getMessage());
    }

    @Singleton
    ExceptionHandler<MigrationRunNotFoundException, HttpResponse<Problem>> runNotFound() {
        return (request, e) -> Problem.response(HttpStatus.NOT_FOUND, "migration-run-not-found", e.getMessage());
    }

    @Singleton
    ExceptionHandler<UnknownTenantException, HttpResponse<Problem>> unknownTenant() {
        return (request, e) -> Problem.response(HttpStatus.NOT_FOUND, "tenant-not-found", e.getMessage());
    }
}
