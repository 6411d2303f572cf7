package dev.gateway.chaos.fuzz;

import java.util.List;

/**
 * What the requests are made of besides garbage: the tenants that must survive the run ({@code anchors}, each
 * with its first admin's token), the one the fuzz may suspend, change or delete ({@code victim}), keys no tenant
 * has ({@code ghosts}), an admin token, tokens forged in every wrong way, and ids of rows that exist.
 */
public record FuzzFixture(List<Anchor> anchors, String victim, List<String> ghosts, String adminToken,
                          List<String> forgedAdminTokens, List<String> forgedTenantTokens, List<String> knownIds) {

    /** A ready tenant whose first admin signed in; the fuzz never names it in a change of the admin API. */
    public record Anchor(String key, String token, String adminEmail) {
    }

    public FuzzFixture {
        anchors = List.copyOf(anchors);
        ghosts = List.copyOf(ghosts);
        forgedAdminTokens = List.copyOf(forgedAdminTokens);
        forgedTenantTokens = List.copyOf(forgedTenantTokens);
        knownIds = List.copyOf(knownIds);
    }

    public List<String> anchorKeys() {
        return anchors.stream().map(Anchor::key).toList();
    }

    /** {@code text} with every token of this fixture replaced by what it is ({@code <admin token>} …). */
    public String redact(String text) {
        String redacted = text.replace(adminToken, "<admin token>");
        for (Anchor anchor : anchors) {
            redacted = redacted.replace(anchor.token(), "<" + anchor.key() + " admin token>");
        }
        for (int i = 0; i < forgedAdminTokens.size(); i++) {
            redacted = redacted.replace(forgedAdminTokens.get(i), "<forged admin token " + i + ">");
        }
        for (int i = 0; i < forgedTenantTokens.size(); i++) {
            redacted = redacted.replace(forgedTenantTokens.get(i), "<forged tenant token " + i + ">");
        }
        return redacted;
    }
}
