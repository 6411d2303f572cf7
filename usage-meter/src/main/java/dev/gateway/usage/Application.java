package dev.gateway.usage;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

@OpenAPIDefinition(info = @Info(title = "usage-meter", version = "0.1",
        description = "Meters tenants: activity and request usage into hourly and daily rollups, the activity log, the usage API."))
public class Application {

    public static void main(String[] args) {
        Micronaut.run(Application.class, args);
    }
}
