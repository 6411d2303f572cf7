package dev.gateway.registry.auth;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface AdminUserRepository extends CrudRepository<AdminUser, String> {

    /** 0 when the user exists already, e.g. created by another instance starting at the same time. */
    @Query("INSERT INTO registry.admin_user (username, password_hash, role, created_at)"
            + " VALUES (:username, :passwordHash, :role, now()) ON CONFLICT (username) DO NOTHING")
    int insertIfAbsent(String username, String passwordHash, String role);
}
