package dev.gateway.admin;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP relay in front of a fake server that counts the connections made to it, so a test can see
 * how many connections the proxy holds open, which no HTTP-level fake shows.
 */
final class ConnectionCounter implements AutoCloseable {

    private final ServerSocket front;
    private final int target;
    private final AtomicInteger accepted = new AtomicInteger();
    /** Local ports of the relay's sockets to the fake server: what the fake sees as each request's remote port. */
    private final Set<Integer> open = ConcurrentHashMap.newKeySet();
    private final ExecutorService threads = Executors.newCachedThreadPool();

    ConnectionCounter(int target) throws IOException {
        this.target = target;
        this.front = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.execute(this::accept);
    }

    int port() {
        return front.getLocalPort();
    }

    int accepted() {
        return accepted.get();
    }

    int open() {
        return open.size();
    }

    /** Whether the connection the fake saw as coming from this port is still open. */
    boolean isOpen(int fakeSideRemotePort) {
        return open.contains(fakeSideRemotePort);
    }

    private void accept() {
        while (!front.isClosed()) {
            try {
                Socket client = front.accept();
                Socket server = new Socket(InetAddress.getLoopbackAddress(), target);
                int port = server.getLocalPort();
                accepted.incrementAndGet();
                open.add(port);
                Runnable closeBoth = () -> {
                    if (open.remove(port)) {
                        closeQuietly(client);
                        closeQuietly(server);
                    }
                };
                threads.execute(() -> pump(client, server, closeBoth));
                threads.execute(() -> pump(server, client, closeBoth));
            } catch (IOException e) {
                return;
            }
        }
    }

    private static void pump(Socket from, Socket to, Runnable closeBoth) {
        try {
            from.getInputStream().transferTo(to.getOutputStream());
        } catch (IOException e) {
            // either side went away: the connection is over
        } finally {
            closeBoth.run();
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() {
        try {
            front.close();
        } catch (IOException e) {
            // already closed
        }
        threads.shutdownNow();
    }
}
