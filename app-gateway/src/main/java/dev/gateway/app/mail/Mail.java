package dev.gateway.app.mail;

import dev.gateway.events.MailRequest;

import java.util.Map;

/**
 * One mail to ask for, and what makes it this mail rather than another ({@code identity}: the user it is about,
 * the token it carries …): the same identity gives the same event id, so asking twice sends it once.
 */
public record Mail(MailRequest request, String identity) {

    public static Mail of(String to, String template, Map<String, String> params, Object... identity) {
        StringBuilder key = new StringBuilder(template);
        for (Object part : identity) {
            key.append(':').append(part);
        }
        return new Mail(new MailRequest(to, template, params), key.toString());
    }
}
