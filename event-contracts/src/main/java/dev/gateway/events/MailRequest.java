package dev.gateway.events;

import java.util.Map;

/**
 * The {@code data} of a {@code mail.send} event: one email a service wants sent. The registry's mailer renders
 * {@code template} (HTML and text) with {@code params} and sends it once per event id. Params may hold a single-use
 * link, so {@code mail.>} is readable by the mailer alone and its stream drops a message once it is acknowledged.
 *
 * @param to       the recipient's address
 * @param template the template name, e.g. {@code signup-received}
 * @param params   the values the template shows, by name
 */
public record MailRequest(String to, String template, Map<String, String> params) {

    public MailRequest {
        params = Map.copyOf(params);
    }
}
