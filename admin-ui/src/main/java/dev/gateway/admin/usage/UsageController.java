package dev.gateway.admin.usage;

import dev.gateway.admin.http.Problems;
import dev.gateway.admin.proxy.UpstreamConfiguration;
import dev.gateway.events.TenantKey;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.core.annotation.Nullable;

/**
 * Per-tenant usage read from the app-gateway's Prometheus endpoint. The browser cannot reach that
 * port (CSP connect-src 'self'), so it asks here; the caller's token is checked by asking the
 * registry for the tenant with it, so usage is visible exactly to those who may read the tenant.
 */
@Controller("/api/admin/tenants/{key}/usage")
public class UsageController {

    private final UsageReader reader;
    private final UpstreamConfiguration upstreams;

    public UsageController(UsageReader reader, UpstreamConfiguration upstreams) {
        this.reader = reader;
        this.upstreams = upstreams;
    }

    @Get
    @ExecuteOn(TaskExecutors.BLOCKING)
    public HttpResponse<?> usage(@PathVariable String key, @Nullable @Header(HttpHeaders.AUTHORIZATION) String authorization) {
        String problem = TenantKey.problem(key);
        if (problem != null) {
            return Problems.response(HttpStatus.BAD_REQUEST, "validation", "Invalid tenant key", problem);
        }
        if (authorization == null) {
            return Problems.response(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized", "A bearer token is required");
        }
        int readable = reader.tenantStatus(upstreams.registryUrl(), key, authorization);
        if (readable != 200) {
            return readable < 0
                    ? Problems.response(HttpStatus.BAD_GATEWAY, "upstream-unavailable", "Upstream unavailable",
                            "The registry did not answer")
                    : Problems.response(HttpStatus.valueOf(readable), problemType(readable), "Tenant not readable",
                            "The registry answered " + readable + " for tenant " + key);
        }
        return HttpResponse.ok(reader.usage(upstreams.appGatewayUrl(), key));
    }

    private static String problemType(int status) {
        return switch (status) {
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "tenant-not-found";
            default -> "upstream-unavailable";
        };
    }
}
