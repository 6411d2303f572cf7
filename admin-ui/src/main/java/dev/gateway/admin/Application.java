package dev.gateway.admin;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

@OpenAPIDefinition(info = @Info(title = "admin-ui", version = "0.1", description = "Admin SPA and the /api/gateway proxy to the registry and provisioner."))
public class Application {

    public static void main(String[] args) {
        Micronaut.run(Application.class, args);
    }
}
