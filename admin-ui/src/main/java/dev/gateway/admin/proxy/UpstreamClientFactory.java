package dev.gateway.admin.proxy;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.net.http.HttpClient;

/**
 * The one client the proxy and the event relay share. The JDK client rather than Micronaut's: when
 * the request body fails (over the size limit, caller gone) or the caller stops reading the
 * answer, it closes that upstream connection at once instead of holding it until a read timeout.
 */
@Factory
class UpstreamClientFactory {

    @Singleton
    HttpClient upstreamClient(UpstreamConfiguration configuration) {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(configuration.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }
}
