package dev.gateway.runtime.consumer;

import io.nats.client.Message;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Events delivered and not yet acknowledged by this instance. Those held longer than a third of the ack
 * wait (queued behind their tenant's earlier events, or long work such as creating a database) get an
 * in-progress signal, so the server redelivers only what a dead instance held, and does so after ack-wait.
 */
final class InFlight {

    private final Map<Message, Long> since = new ConcurrentHashMap<>();
    private final long signalAfterNanos;

    InFlight(Duration ackWait) {
        this.signalAfterNanos = ackWait.toNanos() / 3;
    }

    void add(Message message) {
        since.put(message, System.nanoTime());
    }

    void remove(Message message) {
        since.remove(message);
    }

    int size() {
        return since.size();
    }

    /** Gives every held event back to the server for another instance (on close). */
    void handBackAll() {
        since.keySet().forEach(message -> Acks.quietly(message::nak));
        since.clear();
    }

    void signalLongRunning() {
        long now = System.nanoTime();
        since.forEach((message, start) -> {
            if (now - start >= signalAfterNanos) {
                Acks.quietly(message::inProgress);
            }
        });
    }
}
