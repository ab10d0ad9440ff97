package io.parley.emoji;

import io.parley.sticker.StickerQueries;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** The guild object's {@code emojis} and {@code stickers} (without creators), for GET /guilds/{id} and GUILD_CREATE. */
public final class GuildExpressions {
    private final EmojiQueries emojis;
    private final StickerQueries stickers;

    public GuildExpressions(EmojiQueries emojis, StickerQueries stickers) {
        this.emojis = emojis;
        this.stickers = stickers;
    }

    /** {@code guild} with its current emojis and stickers put in. */
    public Future<JsonObject> addTo(long guildId, JsonObject guild) {
        return emojis.ofGuild(guildId).compose(emojiList -> stickers.ofGuild(guildId).map(stickerList -> {
            JsonArray emojiJson = new JsonArray();
            emojiList.forEach(e -> emojiJson.add(e.toJson(false)));
            JsonArray stickerJson = new JsonArray();
            stickerList.forEach(s -> stickerJson.add(s.toJson(false)));
            return guild.put("emojis", emojiJson).put("stickers", stickerJson);
        }));
    }
}
