package dev.gateway.registry.platform;

import dev.gateway.registry.invitation.WorkspaceLinks;
import dev.gateway.registry.mail.MailOutbox;
import dev.gateway.registry.tenant.TenantResponse;
import dev.gateway.registry.tenant.TenantService;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * "Which workspaces am I in?": the answer goes to the address asked about, never to whoever asked, so the API says
 * nothing. The mail lists the workspaces (still in service) that address belongs to, as first admin or member, or
 * says there is none.
 */
@Singleton
public class WorkspaceLookup {

    /** The envelope tenant of mails about no workspace in particular. */
    static final String PLATFORM = "platform";

    private final TenantService tenants;
    private final WorkspaceLinks links;
    private final MailOutbox mails;

    public WorkspaceLookup(TenantService tenants, WorkspaceLinks links, MailOutbox mails) {
        this.tenants = tenants;
        this.links = links;
        this.mails = mails;
    }

    @Transactional
    public void mailWorkspacesOf(String email) {
        String list = tenants.withMember(email).stream().map(TenantResponse::key)
                .map(key -> key + " — " + links.workspace(key)).collect(Collectors.joining("\n"));
        mails.send(PLATFORM, null, email, "workspace-list", Map.of("workspaces", list));
    }
}
