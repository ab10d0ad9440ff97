package io.parley.sticker;

import io.parley.guild.GuildEvents.GuildDeleted;
import io.parley.platform.storage.Jdbc;
import io.parley.sticker.StickerEvents.StickerCreated;
import io.parley.sticker.StickerEvents.StickerDeleted;
import io.parley.sticker.StickerEvents.StickerUpdated;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;

/** Keeps the stickers table; stickers vanish with their guild (their files stay until a sweep, as emojis'). */
@ProcessingGroup(StickerProjection.GROUP)
public final class StickerProjection {
    public static final String GROUP = "stickers";

    private final Jdbc jdbc;

    public StickerProjection(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(StickerCreated e) {
        jdbc.update("""
                INSERT INTO stickers (id, guild_id, name, description, tags, format_type, content_type, user_id, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING""",
                e.sticker().id(), e.guildId(), e.sticker().name(), e.sticker().description(), e.sticker().tags(),
                e.sticker().formatType(), e.contentType(), e.sticker().userId(), e.at());
    }

    @EventHandler
    void on(StickerUpdated e) {
        jdbc.update("UPDATE stickers SET name = ?, description = ?, tags = ? WHERE id = ?",
                e.after().name(), e.after().description(), e.after().tags(), e.after().id());
    }

    @EventHandler
    void on(StickerDeleted e) {
        jdbc.update("DELETE FROM stickers WHERE id = ?", e.sticker().id());
    }

    @EventHandler
    void on(GuildDeleted e) {
        jdbc.update("DELETE FROM stickers WHERE guild_id = ?", e.guildId());
    }

    @ResetHandler
    void reset() {
        jdbc.update("TRUNCATE stickers");
    }
}
