package dev.gateway.app.resolve;

import dev.gateway.problems.Problem;
import dev.gateway.app.http.ProblemException;
import dev.gateway.events.TenantKey;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.util.Locale;

/**
 * Picks the tenant key of a request. Authority: verified token claim > {@code X-Tenant-ID} >
 * Host subdomain of the base domain. Every source present must name the same tenant, so changing
 * a header or host can never move a token holder into another tenant. The base domain itself, its
 * {@code www.} and any host outside it are the platform's site, no tenant's.
 */
@Singleton
public class TenantSources {

    public static final String HEADER = "X-Tenant-ID";
    private static final String WWW = "www";

    private final String domainSuffix;

    public TenantSources(@Value("${gateway.base-domain}") String baseDomain) {
        this.domainSuffix = "." + baseDomain.toLowerCase(Locale.ROOT);
    }

    public String resolve(@Nullable String claim, @Nullable String header, @Nullable String host) {
        if (claim != null && !TenantKey.isValid(claim)) {
            throw ProblemException.unauthorized();
        }
        String fromHeader = header == null ? null : checked(header.trim(), HEADER + " is not a valid tenant key");
        String fromHost = subdomain(host);
        String key = claim != null ? claim : fromHeader != null ? fromHeader : fromHost;
        if (key == null) {
            throw new ProblemException(Problem.of(400, "missing-tenant", "Missing tenant",
                    "name the tenant by token, " + HEADER + " header or host <tenant>" + domainSuffix));
        }
        if ((fromHeader != null && !fromHeader.equals(key)) || (fromHost != null && !fromHost.equals(key))) {
            throw new ProblemException(Problem.of(403, "tenant-mismatch", "Tenant mismatch",
                    "the token, " + HEADER + " and host name different tenants"));
        }
        return key;
    }

    /** Whether a request to this host is for the platform's site rather than a tenant's workspace. */
    public boolean isPlatformHost(@Nullable String host) {
        String label = label(host);
        return label == null || label.equals(WWW);
    }

    @Nullable
    private String subdomain(@Nullable String host) {
        String label = label(host);
        return label == null || label.equals(WWW) ? null : checked(label, "host is not <tenant>" + domainSuffix);
    }

    /** What stands before {@code .<base domain>} in the host name; null for the base domain and other hosts. */
    @Nullable
    private String label(@Nullable String host) {
        if (host == null) {
            return null;
        }
        int colon = host.lastIndexOf(':');
        String name = (colon > 0 && host.indexOf(']') < colon ? host.substring(0, colon) : host).toLowerCase(Locale.ROOT);
        if (!name.endsWith(domainSuffix) || name.length() == domainSuffix.length()) {
            return null;
        }
        return name.substring(0, name.length() - domainSuffix.length());
    }

    private static String checked(String key, String detail) {
        if (!TenantKey.isValid(key)) {
            throw ProblemException.validation(detail);
        }
        return key;
    }
}
