package io.parley;

import io.parley.message.MessageEvents.MessageEdited;
import io.parley.message.MessageEvents.MessagePosted;
import io.parley.platform.axon.DomainModule;
import io.parley.platform.storage.Jdbc;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test projection of messages into {@code poison_seen} that throws, after writing its row, for
 * every message whose content says POISON while {@link #broken} is set: a handler bug or an input
 * the table refuses, in miniature.
 */
@ProcessingGroup(PoisonProjection.GROUP)
public final class PoisonProjection {
    public static final String GROUP = "poison-test";
    public static final String TABLE = "CREATE TABLE poison_seen (message_id BIGINT PRIMARY KEY, content TEXT NOT NULL)";
    static final AtomicBoolean broken = new AtomicBoolean(true);
    static final Map<Long, AtomicInteger> attempts = new ConcurrentHashMap<>();

    private final Jdbc jdbc;

    PoisonProjection(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    static DomainModule module() {
        return (configurer, wiring) -> wiring.projection(configurer, GROUP, c -> new PoisonProjection(wiring.jdbc()));
    }

    @EventHandler
    void on(MessagePosted e) {
        jdbc.update("INSERT INTO poison_seen (message_id, content) VALUES (?, ?)"
                + " ON CONFLICT (message_id) DO UPDATE SET content = excluded.content", e.messageId(), e.content());
        failIfPoisoned(e.messageId(), e.content());
    }

    @EventHandler
    void on(MessageEdited e) {
        jdbc.update("UPDATE poison_seen SET content = ? WHERE message_id = ?", e.content(), e.messageId());
        failIfPoisoned(e.messageId(), e.content());
    }

    private static void failIfPoisoned(long messageId, String content) {
        if (content != null && content.contains("POISON")) {
            attempts.computeIfAbsent(messageId, id -> new AtomicInteger()).incrementAndGet();
            if (broken.get()) {
                throw new IllegalStateException("poisoned message " + messageId);
            }
        }
    }
}
