package dev.gateway.chaos.platform;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/**
 * The suite's ports, away from the machine's own stores (5432, 6379, 4222) and the platform's defaults:
 * services on {@code serviceBase} + their usual port's last digits (28081 registry, 28000 app-gateway).
 */
public record Ports(int postgres, int redis, int nats, int serviceBase) {

    public static final Ports DEFAULT = new Ports(25432, 26379, 24222, 28000);

    /** Fails when anything listens on a port the run needs (e.g. a platform left running by {@code --keep}). */
    public void requireFree() {
        List<Integer> wanted = new ArrayList<>(List.of(postgres, redis, nats));
        for (Service service : Service.values()) {
            for (int instance = 1; instance <= 2; instance++) {
                wanted.add(service.port(serviceBase, instance));
                wanted.add(service.port(serviceBase, instance) + Service.MANAGEMENT_OFFSET);
            }
        }
        List<Integer> taken = wanted.stream().filter(Ports::listening).toList();
        if (!taken.isEmpty()) {
            throw new IllegalStateException("ports " + taken + " are in use; is an earlier chaos run (--keep) still up?");
        }
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
