package dev.gateway.chaos.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every scenario, in the order a full run takes them (the most destructive last, then the fuzz, whose failed
 * logins and throttle counts must not reach another scenario), and the quick subset.
 */
public final class Scenarios {

    /** For CI: a small crash loop, a broker wipe, the races, the fuzz. */
    public static final Set<String> QUICK = Set.of("kill", "races", "nats-wipe", "fuzz");

    private Scenarios() {
    }

    public static List<Scenario> all() {
        return List.of(new KillScenario(), new TwoInstancesScenario(), new RacesScenario(), new RedisOutageScenario(),
                new RedisWipeScenario(), new PostgresOutageScenario(), NatsFaultScenario.outage(),
                NatsFaultScenario.wipe(), new FuzzScenario());
    }

    public static List<String> names() {
        return all().stream().map(Scenario::name).toList();
    }

    /** The scenarios to run: {@code only} if given (names checked), else the quick subset or all, in run order. */
    public static List<Scenario> select(boolean quick, List<String> only) {
        List<String> unknown = new ArrayList<>(only);
        unknown.removeAll(names());
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown scenario(s) " + unknown + "; known: " + String.join(", ", names()));
        }
        return all().stream()
                .filter(s -> only.isEmpty() ? !quick || QUICK.contains(s.name()) : only.contains(s.name()))
                .collect(Collectors.toList());
    }
}
