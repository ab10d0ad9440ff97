package io.parley.social;

import io.parley.platform.storage.Jdbc;
import io.parley.social.ReadStateMessages.MessageAcked;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;

/** Keeps read_states: the last acknowledged message per user and channel. */
@ProcessingGroup(ReadStateProjection.GROUP)
public final class ReadStateProjection {
    public static final String GROUP = "read-states";

    private final Jdbc jdbc;

    public ReadStateProjection(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(MessageAcked e) {
        jdbc.update("""
                INSERT INTO read_states (user_id, channel_id, last_message_id) VALUES (?, ?, ?)
                ON CONFLICT (user_id, channel_id) DO UPDATE
                SET last_message_id = GREATEST(read_states.last_message_id, EXCLUDED.last_message_id)""",
                e.userId(), e.channelId(), e.messageId());
    }

    @ResetHandler
    void reset() {
        jdbc.update("TRUNCATE read_states");
    }
}
