package io.parley.guild;

import io.parley.permission.Overwrite;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;

import java.util.List;

/** A row of the channels read table. */
public record ChannelRecord(long id, long guildId, int type, ChannelSettings settings, List<Overwrite> overwrites) {
    static final String COLUMNS = "id, guild_id, type, name, topic, position, parent_id, nsfw, rate_limit_per_user, "
            + "bitrate, user_limit, overwrites";

    static ChannelRecord from(Row row) {
        return new ChannelRecord(row.getLong("id"), row.getLong("guild_id"), row.getInteger("type"),
                new ChannelSettings(row.getString("name"), row.getString("topic"), row.getInteger("position"),
                        row.getLong("parent_id"), row.getBoolean("nsfw"), row.getInteger("rate_limit_per_user"),
                        row.getInteger("bitrate"), row.getInteger("user_limit")),
                OverwritesJson.decode(row.getValue("overwrites")));
    }

    /** The channel object of the wire format; fields that do not apply to the type are left out. */
    public JsonObject toJson() {
        JsonArray overwritesJson = new JsonArray();
        overwrites.forEach(o -> overwritesJson.add(OverwritesJson.toJson(o)));
        JsonObject json = new JsonObject()
                .put("id", Long.toString(id))
                .put("type", type)
                .put("guild_id", Long.toString(guildId))
                .put("name", settings.name())
                .put("position", settings.position())
                .put("permission_overwrites", overwritesJson)
                .put("parent_id", settings.parentId() == null ? null : settings.parentId().toString())
                .put("nsfw", settings.nsfw())
                .put("flags", 0);
        if (type == ChannelTypes.GUILD_TEXT) {
            json.put("topic", settings.topic())
                    .put("rate_limit_per_user", settings.rateLimitPerUser())
                    .put("last_message_id", null);
        } else if (type == ChannelTypes.GUILD_VOICE) {
            json.put("bitrate", settings.bitrate())
                    .put("user_limit", settings.userLimit())
                    .put("rtc_region", null);
        }
        return json;
    }
}
