package dev.gateway.app.settings;

import java.util.List;
import java.util.Locale;

/**
 * What the workspace's settings say about joining it.
 *
 * @param policy         who may join on their own
 * @param allowedDomains email domains a joiner's address must have (exactly, lower case); empty: any
 */
public record SignupRules(SignupPolicy policy, List<String> allowedDomains) {

    public boolean allows(String email) {
        String domain = email.substring(email.lastIndexOf('@') + 1).trim().toLowerCase(Locale.ROOT);
        return allowedDomains.isEmpty() || allowedDomains.contains(domain);
    }
}
