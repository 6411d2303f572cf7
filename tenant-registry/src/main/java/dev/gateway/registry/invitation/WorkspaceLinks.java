package dev.gateway.registry.invitation;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;

/**
 * Links into the product, from GATEWAY_PUBLIC_URL (the base-domain site, e.g. {@code http://localhost:8000}): a
 * workspace is the same scheme and port with the key in front of the host ({@code http://acme.localhost:8000}).
 */
@Singleton
public class WorkspaceLinks {

    /** How long a first admin's invitation works (DESIGN.md §10). */
    public static final Duration INVITATION_VALIDITY = Duration.ofHours(72);

    private final URI site;

    public WorkspaceLinks(@Value("${gateway.public-url}") String publicUrl) {
        URI uri = URI.create(publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl);
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw new IllegalArgumentException("GATEWAY_PUBLIC_URL must be an absolute URL, e.g. http://localhost:8000");
        }
        this.site = uri;
    }

    public String workspace(String key) {
        return site.getScheme() + "://" + key + "." + site.getHost() + (site.getPort() < 0 ? "" : ":" + site.getPort());
    }

    /** The link that activates the invited admin; the token sits in the fragment, which browsers never send. */
    public Invitation invitation(String key, InvitationToken token, Instant issuedAt) {
        return new Invitation(workspace(key) + "/activate#" + token.token(), issuedAt.plus(INVITATION_VALIDITY));
    }
}
