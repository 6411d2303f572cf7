package dev.gateway.runtime.micronaut;

import dev.gateway.runtime.database.PlatformDb;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.jdbc.DataSourceResolver;
import jakarta.inject.Singleton;

import javax.sql.DataSource;

/** {@link PlatformDb} on the service's default datasource, for services that have one. */
@Factory
class PlatformDbFactory {

    @Singleton
    @Requires(beans = DataSource.class)
    PlatformDb platformDb(DataSource dataSource, DataSourceResolver resolver) {
        return new PlatformDb(resolver.resolve(dataSource));
    }
}
