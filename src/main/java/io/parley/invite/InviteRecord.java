package io.parley.invite;

import io.parley.account.UserRecord;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;

import java.time.Instant;
import java.time.OffsetDateTime;

/** A row of the invites table with the names its wire object shows. */
public record InviteRecord(String code, long guildId, String guildName, long channelId, String channelName,
                           int channelType, UserRecord inviter, int maxAge, int maxUses, int uses, boolean temporary,
                           OffsetDateTime createdAt, OffsetDateTime expiresAt) {
    static final String SELECT = """
            SELECT i.code, i.guild_id, g.name AS guild_name, i.channel_id, c.name AS channel_name, c.type AS channel_type,
                   i.max_age, i.max_uses, i.uses, i.temporary, i.created_at, i.expires_at,
                   u.id, u.username, u.email, u.password_hash, u.global_name, u.avatar, u.bio, u.bot, u.flags
            FROM invites i JOIN guilds g ON g.id = i.guild_id JOIN channels c ON c.id = i.channel_id
                 JOIN users u ON u.id = i.inviter_id""";

    static InviteRecord from(Row row) {
        return new InviteRecord(row.getString("code"), row.getLong("guild_id"), row.getString("guild_name"),
                row.getLong("channel_id"), row.getString("channel_name"), row.getInteger("channel_type"),
                UserRecord.from(row), row.getInteger("max_age"), row.getInteger("max_uses"), row.getInteger("uses"),
                row.getBoolean("temporary"), row.getOffsetDateTime("created_at"), row.getOffsetDateTime("expires_at"));
    }

    /** Expired or used up: as good as gone. */
    public boolean isUsable(Instant now) {
        return (expiresAt == null || now.isBefore(expiresAt.toInstant())) && (maxUses == 0 || uses < maxUses);
    }

    /** The invite object; {@code withMetadata} adds uses, limits and timestamps (for managers). */
    public JsonObject toJson(boolean withMetadata) {
        JsonObject json = new JsonObject()
                .put("type", 0)
                .put("code", code)
                .put("guild", new JsonObject().put("id", Long.toString(guildId)).put("name", guildName)
                        .put("icon", null).put("splash", null).put("features", new JsonArray()))
                .put("channel", new JsonObject().put("id", Long.toString(channelId)).put("name", channelName)
                        .put("type", channelType))
                .put("inviter", inviter.toPublicJson())
                .put("expires_at", expiresAt == null ? null : expiresAt.toInstant().toString());
        if (withMetadata) {
            json.put("uses", uses).put("max_uses", maxUses).put("max_age", maxAge).put("temporary", temporary)
                    .put("created_at", createdAt.toInstant().toString());
        }
        return json;
    }
}
