package dev.gateway.app;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

@OpenAPIDefinition(info = @Info(title = "app-gateway", version = "0.1", description = "Serves tenant traffic: resolution, state gate, rate limits, database-enforced isolation."))
public class Application {

    public static void main(String[] args) {
        Micronaut.run(Application.class, args);
    }
}
