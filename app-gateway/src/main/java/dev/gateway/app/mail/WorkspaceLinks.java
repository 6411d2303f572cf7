package dev.gateway.app.mail;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.net.URI;
import java.util.Locale;

/**
 * Links into a tenant's workspace for the mails: the public site's scheme and port ({@code GATEWAY_PUBLIC_URL}) with
 * the host prefixed by the tenant key, e.g. {@code http://acme.localhost:8000}.
 */
@Singleton
public class WorkspaceLinks {

    private final URI site;

    public WorkspaceLinks(@Value("${gateway.public-url}") String publicUrl) {
        URI uri = URI.create(publicUrl);
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw new IllegalArgumentException("gateway.public-url (GATEWAY_PUBLIC_URL) must be an http(s) URL of the "
                    + "base domain, e.g. http://localhost:8000; was '" + publicUrl + "'");
        }
        this.site = uri;
    }

    public String workspace(String tenant) {
        return site.getScheme() + "://" + tenant + "." + site.getHost() + (site.getPort() < 0 ? "" : ":" + site.getPort());
    }

    /** The invitation link; the token travels in the fragment, which browsers never send to a server. */
    public String activate(String tenant, String token) {
        return workspace(tenant) + "/activate#" + token;
    }

    public String signIn(String tenant) {
        return workspace(tenant) + "/login";
    }

    public String pendingUsers(String tenant) {
        return workspace(tenant) + "/users?status=pending";
    }
}
