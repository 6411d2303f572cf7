package dev.gateway.app.directory;

import dev.gateway.events.TenantDirectory;

import java.util.Map;
import java.util.Optional;

/**
 * What one {@code HGETALL tenant:<key>} gave: the entry, none (an unknown tenant), or no answer at all
 * ({@link #UNANSWERED}, Redis unreachable). {@code readAt} is {@link System#nanoTime()} when it was sent.
 */
record DirectoryRead(Optional<TenantEntry> entry, long readAt, boolean answered) {

    static final DirectoryRead UNANSWERED = new DirectoryRead(Optional.empty(), 0, false);

    static DirectoryRead of(String key, Map<String, String> hash, long readAt) {
        return new DirectoryRead(hash.isEmpty() ? Optional.empty() : Optional.of(TenantEntry.parse(key, hash)),
                readAt, true);
    }

    boolean found() {
        return entry.isPresent();
    }
}
