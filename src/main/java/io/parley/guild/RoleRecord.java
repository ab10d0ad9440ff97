package io.parley.guild;

import io.parley.permission.Permission;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;

/** A row of the roles read table; {@link #toJson} is the one role object REST and the gateway send. */
public record RoleRecord(long id, long guildId, RoleSettings settings, int position) {
    static final String COLUMNS = "id, guild_id, name, color, hoist, mentionable, permissions, position";

    static RoleRecord from(Row row) {
        return new RoleRecord(row.getLong("id"), row.getLong("guild_id"),
                new RoleSettings(row.getString("name"), row.getInteger("color"), row.getBoolean("hoist"),
                        row.getBoolean("mentionable"), row.getLong("permissions")),
                row.getInteger("position"));
    }

    public JsonObject toJson() {
        return new JsonObject()
                .put("id", Long.toString(id))
                .put("name", settings.name())
                .put("color", settings.color())
                .put("colors", new JsonObject().put("primary_color", settings.color())
                        .put("secondary_color", null).put("tertiary_color", null))
                .put("hoist", settings.hoist())
                .put("icon", null)
                .put("unicode_emoji", null)
                .put("position", position)
                .put("permissions", Permission.toWire(settings.permissions()))
                .put("managed", false)
                .put("mentionable", settings.mentionable())
                .put("flags", 0)
                .put("tags", new JsonObject());
    }
}
