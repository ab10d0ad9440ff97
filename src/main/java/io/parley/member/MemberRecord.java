package io.parley.member;

import io.parley.account.UserRecord;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.OffsetDateTime;
import java.util.List;

/** A row of the members read table, with its user and its server mute/deafen (server_voice_flags). */
public record MemberRecord(long guildId, UserRecord user, String nick, List<Long> roles, OffsetDateTime joinedAt,
                           OffsetDateTime communicationDisabledUntil, boolean mute, boolean deaf) {

    /** The guild member object of the wire format. */
    public JsonObject toJson() {
        JsonArray roleIds = new JsonArray();
        roles.forEach(id -> roleIds.add(Long.toString(id)));
        return new JsonObject()
                .put("user", user.toPublicJson())
                .put("nick", nick)
                .put("avatar", null)
                .put("roles", roleIds)
                .put("joined_at", joinedAt.toInstant().toString())
                .put("deaf", deaf)
                .put("mute", mute)
                .put("flags", 0)
                .put("pending", false)
                .put("communication_disabled_until",
                        communicationDisabledUntil == null ? null : communicationDisabledUntil.toInstant().toString());
    }
}
