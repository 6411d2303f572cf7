package dev.gateway.registry.mail;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The mails the platform sends, each as {@code mail/<name>.txt} and {@code mail/<name>.html} (Mustache) on the
 * classpath, and the params each one needs. Values are HTML-escaped in the HTML part and shown as given in the text
 * part, whose first line is the subject. All templates are compiled at start, so a broken one stops the start.
 */
@Singleton
public class MailTemplates {

    /**
     * Params each template needs (present, possibly empty: an empty workspace list says there is none); others a
     * template shows only when given (e.g. an optional reason).
     */
    static final Map<String, List<String>> REQUIRED = Map.of(
            "signup-received", List.of("company_name", "key"),
            "signup-awaiting-approval", List.of("company_name", "key", "admin_email", "plan", "review_url"),
            "signup-approved", List.of("company_name", "activate_url", "expires_at"),
            "signup-rejected", List.of("company_name", "reason"),
            "invitation-admin", List.of("company_name", "activate_url", "expires_at"),
            "workspace-list", List.of("workspaces"),
            "join-request", List.of("company_name", "requester_name", "requester_email", "review_url"),
            "join-approved", List.of("company_name", "signin_url"),
            "join-rejected", List.of("company_name"),
            "invitation", List.of("company_name", "invited_by", "role", "activate_url", "expires_at"));
    private static final String SUBJECT = "Subject: ";

    private final Map<String, Mustache> text;
    private final Map<String, Mustache> html;

    public MailTemplates() {
        DefaultMustacheFactory escaping = new DefaultMustacheFactory("mail");
        DefaultMustacheFactory verbatim = new DefaultMustacheFactory("mail") {
            @Override
            public void encode(String value, Writer writer) {
                try {
                    writer.write(value);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
        this.text = compile(name -> verbatim.compile(name + ".txt"));
        this.html = compile(name -> escaping.compile(name + ".html"));
    }

    public boolean knows(String template) {
        return REQUIRED.containsKey(template);
    }

    /** Renders a known template; a required param missing is an {@link IllegalArgumentException}. */
    public RenderedMail render(String template, Map<String, String> params) {
        List<String> missing = REQUIRED.get(template).stream().filter(p -> !params.containsKey(p)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("mail template '" + template + "' needs " + String.join(", ", missing));
        }
        String plain = run(text.get(template), params);
        int lineEnd = plain.indexOf('\n');
        if (!plain.startsWith(SUBJECT) || lineEnd < 0) {
            throw new IllegalStateException("mail/" + template + ".txt must start with a 'Subject: ' line");
        }
        String subject = plain.substring(SUBJECT.length(), lineEnd).replaceAll("[\\r\\n\\t]+", " ").strip();
        return new RenderedMail(subject, plain.substring(lineEnd + 1).stripLeading(), run(html.get(template), params));
    }

    private static Map<String, Mustache> compile(Function<String, Mustache> compiler) {
        return REQUIRED.keySet().stream().collect(Collectors.toUnmodifiableMap(name -> name, compiler));
    }

    private static String run(Mustache template, Map<String, String> params) {
        StringWriter out = new StringWriter();
        template.execute(out, params);
        return out.toString();
    }
}
