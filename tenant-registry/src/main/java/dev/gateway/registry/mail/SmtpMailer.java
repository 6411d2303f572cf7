package dev.gateway.registry.mail;

import jakarta.inject.Singleton;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Properties;

/**
 * Sends one mail over SMTP (Jakarta Mail) to GATEWAY_SMTP_URL, from GATEWAY_MAIL_FROM, as text and HTML
 * alternatives. The caller chooses the Message-ID, so a mail sent twice (a crash between sending and recording it)
 * is recognisable as one.
 */
@Singleton
public class SmtpMailer {

    private static final String UTF_8 = "UTF-8";

    private final Session session;
    private final String protocol;
    private final String host;
    private final int port;
    private final String user;
    private final String password;
    private final InternetAddress from;

    public SmtpMailer(MailConfiguration config) throws AddressException {
        URI url = URI.create(config.smtpUrl());
        if (!"smtp".equals(url.getScheme()) && !"smtps".equals(url.getScheme()) || url.getHost() == null) {
            throw new IllegalArgumentException("GATEWAY_SMTP_URL must be smtp://host[:port] or smtps://host[:port]");
        }
        this.protocol = url.getScheme();
        this.host = url.getHost();
        this.port = url.getPort() > 0 ? url.getPort() : "smtps".equals(protocol) ? 465 : 25;
        String[] credentials = url.getRawUserInfo() == null ? new String[0] : url.getRawUserInfo().split(":", 2);
        this.user = credentials.length > 0 ? decode(credentials[0]) : null;
        this.password = credentials.length > 1 ? decode(credentials[1]) : null;
        this.from = new InternetAddress(config.from(), true);
        String millis = Long.toString(config.timeout().toMillis());
        Properties props = new Properties();
        props.put("mail." + protocol + ".connectiontimeout", millis);
        props.put("mail." + protocol + ".timeout", millis);
        props.put("mail." + protocol + ".writetimeout", millis);
        props.put("mail." + protocol + ".auth", Boolean.toString(user != null));
        props.put("mail.smtp.starttls.enable", "true");
        this.session = Session.getInstance(props);
    }

    /** The Message-ID for a mail identified by {@code id}, in the sender's domain. */
    public String messageId(String id) {
        String address = from.getAddress();
        return "<" + id + "@" + address.substring(address.indexOf('@') + 1) + ">";
    }

    public void send(String to, RenderedMail mail, String messageId) throws MessagingException {
        MimeMessage message = new IdentifiedMessage(session, messageId);
        message.setFrom(from);
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to, true));
        message.setSubject(mail.subject(), UTF_8);
        message.setSentDate(new Date());
        MimeBodyPart text = new MimeBodyPart();
        text.setText(mail.text(), UTF_8);
        MimeBodyPart html = new MimeBodyPart();
        html.setText(mail.html(), UTF_8, "html");
        message.setContent(new MimeMultipart("alternative", text, html));
        message.saveChanges();
        try (Transport transport = session.getTransport(protocol)) {
            transport.connect(host, port, user, password);
            transport.sendMessage(message, message.getAllRecipients());
        }
    }

    private static String decode(String part) {
        return URLDecoder.decode(part, StandardCharsets.UTF_8);
    }

    /** Jakarta Mail would give every message a random Message-ID when it is saved; this one keeps the chosen one. */
    private static final class IdentifiedMessage extends MimeMessage {

        private final String id;

        IdentifiedMessage(Session session, String id) {
            super(session);
            this.id = id;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", id);
        }
    }
}
