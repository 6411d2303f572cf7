package dev.gateway.runtime.consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Acknowledgements are fire-and-forget: one lost on a closing connection means a redelivery, which is safe. */
final class Acks {

    private static final Logger LOG = LoggerFactory.getLogger(Acks.class);

    private Acks() {
    }

    static void quietly(Runnable ack) {
        try {
            ack.run();
        } catch (RuntimeException e) {
            LOG.debug("acknowledgement not sent: {}", e.getMessage());
        }
    }
}
