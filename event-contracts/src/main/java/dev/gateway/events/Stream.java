package dev.gateway.events;

import java.util.Arrays;
import java.util.List;

/** The JetStream streams of DESIGN.md §5 and the subjects each one captures. */
public enum Stream {
    TENANTS(List.of("tenant.>")),
    PROVISIONING(List.of("provisioning.>", "migration.>")),
    ROUTES(List.of("route.>")),
    SIGNUPS(List.of("signup.>")),
    MAIL(List.of("mail.>")),
    ACTIVITY(List.of("activity.>")),
    USAGE(List.of("usage.>")),
    DEADLETTER(List.of("deadletter.>"));

    private final List<String> subjects;

    Stream(List<String> subjects) {
        this.subjects = subjects;
    }

    /** Subject filters of this stream, as declared on the server. */
    public List<String> subjects() {
        return subjects;
    }

    /**
     * The durable consumer name a service uses on this stream: {@code <service>-<stream lower>}, plus a
     * version suffix once its settings have changed (a durable's settings cannot be modified in place).
     */
    public String durable(String consumerService, int settingsVersion) {
        String base = consumerService + "-" + name().toLowerCase();
        return settingsVersion <= 1 ? base : base + "-v" + settingsVersion;
    }

    /** The subject a consumer publishes messages it gave up on to. */
    public static String deadLetterSubject(String durable) {
        return "deadletter." + durable;
    }

    static Stream of(String subject) {
        return Arrays.stream(values())
                .filter(s -> s.subjects.stream().anyMatch(f -> subject.startsWith(f.substring(0, f.length() - 1))))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no stream captures " + subject));
    }
}
