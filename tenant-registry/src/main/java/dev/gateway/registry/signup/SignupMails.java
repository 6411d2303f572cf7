package dev.gateway.registry.signup;

import dev.gateway.registry.invitation.Invitation;
import dev.gateway.registry.mail.MailOutbox;
import io.micronaut.transaction.TransactionDefinition.Propagation;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.util.Map;

/** The mails a signup causes, asked for in the transaction of the change. */
@Singleton
class SignupMails {

    private final MailOutbox mails;
    private final SignupConfiguration config;

    SignupMails(MailOutbox mails, SignupConfiguration config) {
        this.mails = mails;
        this.config = config;
    }

    /** To the requester, and to every operator address (none configured: operators see the queue in the UI). */
    @Transactional(propagation = Propagation.MANDATORY)
    void received(Signup s, String correlationId) {
        mails.send(s.key(), correlationId, s.adminEmail(), "signup-received",
                Map.of("company_name", s.companyName(), "key", s.key()));
        for (String operator : config.operatorEmails()) {
            mails.send(s.key(), correlationId, operator, "signup-awaiting-approval", Map.of(
                    "company_name", s.companyName(), "key", s.key(), "admin_email", s.adminEmail(),
                    "plan", s.plan(), "review_url", config.reviewUrl()));
        }
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void approved(Signup s, Invitation invitation, String correlationId) {
        mails.send(s.key(), correlationId, s.adminEmail(), "signup-approved", Map.of(
                "company_name", s.companyName(), "activate_url", invitation.url(),
                "expires_at", MailOutbox.time(invitation.expiresAt())));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void rejected(Signup s, String correlationId) {
        mails.send(s.key(), correlationId, s.adminEmail(), "signup-rejected",
                Map.of("company_name", s.companyName(), "reason", s.reason()));
    }
}
