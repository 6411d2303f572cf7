package dev.gateway.admin.health;

import io.micronaut.web.router.Router;
import jakarta.inject.Singleton;

/** Paths only the management port serves (/beans, /prometheus, /loggers, ...): never the SPA on the public port. */
@Singleton
public class ManagementPaths {

    private final Router router;

    public ManagementPaths(Router router) {
        this.router = router;
    }

    public boolean contains(String path) {
        return router.uriRoutes().anyMatch(route -> route.getPort() != null && route.match(path).isPresent());
    }
}
