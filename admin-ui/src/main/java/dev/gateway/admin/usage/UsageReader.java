package dev.gateway.admin.usage;

import dev.gateway.admin.proxy.UpstreamConfiguration;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** The two blocking reads behind a usage request: may the caller read the tenant, and what do the metrics say. */
@Singleton
public class UsageReader {

    private final HttpClient http;
    private final UpstreamConfiguration configuration;

    public UsageReader(UpstreamConfiguration configuration) {
        this.configuration = configuration;
        this.http = HttpClient.newBuilder().connectTimeout(configuration.probeTimeout()).build();
    }

    /** The registry's status for GET tenant with the caller's Authorization, or -1 when it did not answer. */
    int tenantStatus(URI registry, String key, String authorization) {
        HttpRequest request = HttpRequest.newBuilder(registry.resolve("/api/gateway/tenants/" + key))
                .timeout(configuration.probeTimeout()).header("Authorization", authorization).GET().build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    TenantUsage usage(URI appGateway, String key) {
        URI metrics = appGateway.resolve("/prometheus");
        HttpRequest request = HttpRequest.newBuilder(metrics).timeout(configuration.probeTimeout()).GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return TenantUsage.unavailable("app-gateway metrics answered " + response.statusCode());
            }
            return TenantUsage.of(PrometheusText.totalsFor(response.body(), key));
        } catch (IOException e) {
            return TenantUsage.unavailable("app-gateway metrics at " + metrics + " are not reachable");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return TenantUsage.unavailable("interrupted");
        }
    }
}
