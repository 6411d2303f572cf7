package dev.gateway.provisioner;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

@OpenAPIDefinition(info = @Info(title = "provisioner", version = "0.1", description = "Places tenants on shared PostgreSQL pools: databases, schemas, roles, tenant migrations."))
public class Application {

    public static void main(String[] args) {
        Micronaut.run(Application.class, args);
    }
}
