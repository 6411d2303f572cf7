package dev.gateway.provisioner;

import dev.gateway.provisioner.cli.MigrateCommand;
import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

import java.util.Arrays;
import java.util.Map;

@OpenAPIDefinition(info = @Info(title = "provisioner", version = "0.1", description = "Places tenants on shared PostgreSQL pools: databases, schemas, roles, tenant migrations."))
public class Application {

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("migrate")) {
            if (System.getenv("GATEWAY_LOG_LEVEL") == null) {
                System.setProperty("GATEWAY_LOG_LEVEL", "WARN");
            }
            System.exit(MigrateCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err, Map.of()));
        }
        Micronaut.run(Application.class, args);
    }
}
