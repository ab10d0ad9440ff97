package io.parley.guild;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;

import java.util.List;

/** A row of the guilds read table. */
public record GuildRecord(long id, long ownerId, GuildSettings settings) {
    static final String COLUMNS = "id, owner_id, name, description, system_channel_id";

    static GuildRecord from(Row row) {
        return new GuildRecord(row.getLong("id"), row.getLong("owner_id"),
                new GuildSettings(row.getString("name"), row.getString("description"),
                        row.getLong("system_channel_id")));
    }

    /** The guild object of the wire format, with its roles. */
    public JsonObject toJson(List<RoleRecord> roles) {
        JsonArray rolesJson = new JsonArray();
        roles.forEach(r -> rolesJson.add(r.toJson()));
        return new JsonObject()
                .put("id", Long.toString(id))
                .put("name", settings.name())
                .put("icon", null)
                .put("splash", null)
                .put("description", settings.description())
                .put("owner_id", Long.toString(ownerId))
                .put("afk_channel_id", null)
                .put("afk_timeout", 300)
                .put("system_channel_id", settings.systemChannelId() == null ? null : settings.systemChannelId().toString())
                .put("verification_level", 0)
                .put("default_message_notifications", 0)
                .put("explicit_content_filter", 0)
                .put("mfa_level", 0)
                .put("nsfw_level", 0)
                .put("premium_tier", 0)
                .put("preferred_locale", "en-US")
                .put("features", new JsonArray())
                .put("emojis", new JsonArray())
                .put("stickers", new JsonArray())
                .put("roles", rolesJson);
    }
}
