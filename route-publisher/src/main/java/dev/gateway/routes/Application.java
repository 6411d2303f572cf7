package dev.gateway.routes;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

@OpenAPIDefinition(info = @Info(title = "route-publisher", version = "0.1", description = "Writes Traefik v3 routes and the tenant directory into Redis and keeps them converged."))
public class Application {

    public static void main(String[] args) {
        Micronaut.run(Application.class, args);
    }
}
