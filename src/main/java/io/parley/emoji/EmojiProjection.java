package io.parley.emoji;

import io.parley.emoji.EmojiEvents.EmojiCreated;
import io.parley.emoji.EmojiEvents.EmojiDeleted;
import io.parley.emoji.EmojiEvents.EmojiRenamed;
import io.parley.guild.GuildEvents.GuildDeleted;
import io.parley.platform.storage.Jdbc;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;

/** Keeps the emojis table; emojis vanish with their guild (their files stay until a sweep; see docs). */
@ProcessingGroup(EmojiProjection.GROUP)
public final class EmojiProjection {
    public static final String GROUP = "emojis";

    private final Jdbc jdbc;

    public EmojiProjection(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(EmojiCreated e) {
        jdbc.update("""
                INSERT INTO emojis (id, guild_id, name, animated, content_type, user_id, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING""",
                e.emoji().id(), e.guildId(), e.emoji().name(), e.emoji().animated(), e.contentType(),
                e.emoji().userId(), e.at());
    }

    @EventHandler
    void on(EmojiRenamed e) {
        jdbc.update("UPDATE emojis SET name = ? WHERE id = ?", e.name(), e.emojiId());
    }

    @EventHandler
    void on(EmojiDeleted e) {
        jdbc.update("DELETE FROM emojis WHERE id = ?", e.emojiId());
    }

    @EventHandler
    void on(GuildDeleted e) {
        jdbc.update("DELETE FROM emojis WHERE guild_id = ?", e.guildId());
    }

    @ResetHandler
    void reset() {
        jdbc.update("TRUNCATE emojis");
    }
}
