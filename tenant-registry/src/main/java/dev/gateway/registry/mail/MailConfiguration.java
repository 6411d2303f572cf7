package dev.gateway.registry.mail;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;

/**
 * @param smtpUrl   GATEWAY_SMTP_URL: {@code smtp://[user:password@]host[:port]} (STARTTLS when offered) or
 *                  {@code smtps://…} (TLS from the start)
 * @param from      GATEWAY_MAIL_FROM, the sender of every mail
 * @param timeout   connect, read and write timeout of one SMTP conversation
 * @param retention how long a sent mail's record is kept; a request redelivered within it is never sent again
 */
@ConfigurationProperties("gateway.mail")
public record MailConfiguration(String smtpUrl, String from, Duration timeout, Duration retention) {
}
