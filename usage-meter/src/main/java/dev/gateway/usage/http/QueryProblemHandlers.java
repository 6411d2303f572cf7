package dev.gateway.usage.http;

import dev.gateway.problems.Problem;
import dev.gateway.usage.query.InvalidQueryException;
import dev.gateway.usage.query.TenantNotFoundException;
import io.micronaut.context.annotation.Factory;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** The usage API's refusals as problems. */
@Factory
class QueryProblemHandlers {

    @Singleton
    ExceptionHandler<InvalidQueryException, HttpResponse<Problem>> invalidQuery() {
        return (HttpRequest request, InvalidQueryException e) ->
                Problem.response(HttpStatus.BAD_REQUEST, "validation", e.getMessage());
    }

    @Singleton
    ExceptionHandler<TenantNotFoundException, HttpResponse<Problem>> tenantNotFound() {
        return (HttpRequest request, TenantNotFoundException e) ->
                Problem.response(HttpStatus.NOT_FOUND, "tenant-not-found", e.getMessage());
    }
}
