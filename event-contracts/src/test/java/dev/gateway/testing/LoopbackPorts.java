package dev.gateway.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/** Ports for the servers and services a test starts on the loopback interface. */
public final class LoopbackPorts {
    private LoopbackPorts() {
    }

    /** A port nothing listens on now: for a server to start on, or a caller to find closed. */
    public static int free() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
