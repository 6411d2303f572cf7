package dev.gateway.registry;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

@OpenAPIDefinition(info = @Info(title = "tenant-registry", version = "0.1", description = "Tenants, pools, plans, admin auth and the outbox to NATS JetStream."))
public class Application {

    public static void main(String[] args) {
        Micronaut.run(Application.class, args);
    }
}
