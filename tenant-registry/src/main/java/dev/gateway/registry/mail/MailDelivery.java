package dev.gateway.registry.mail;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A mail the mailer sent, by the id of the mail.send event that asked for it. Never its params (links). */
@MappedEntity(value = "mail_delivery", schema = "registry")
public record MailDelivery(@Id String eventId, String template, String recipient, String messageId, Instant sentAt) {
}
