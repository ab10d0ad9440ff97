package io.parley.account;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;

/** A row of the users read table. */
public record UserRecord(long id, String username, String email, String passwordHash, String globalName,
                         String avatar, String bio, boolean bot, long flags) {
    /** Discord's STAFF user flag: in Parley, an operator (see {@code parley create-admin}). */
    public static final long STAFF = 1;

    public boolean staff() {
        return (flags & STAFF) != 0;
    }

    public static UserRecord from(Row row) {
        return new UserRecord(row.getLong("id"), row.getString("username"), row.getString("email"),
                row.getString("password_hash"), row.getString("global_name"), row.getString("avatar"),
                row.getString("bio"), row.getBoolean("bot"), row.getLong("flags"));
    }

    /** The public user object of API.md. */
    public JsonObject toPublicJson() {
        return new JsonObject()
                .put("id", Long.toString(id))
                .put("username", username)
                .put("discriminator", "0")
                .put("global_name", globalName)
                .put("avatar", avatar)
                .put("bot", bot)
                .put("system", false)
                .put("flags", flags)
                .put("public_flags", flags);
    }

    /** The user object the user sees of themself: adds email, verified, mfa_enabled, bio. */
    public JsonObject toSelfJson() {
        return toPublicJson()
                .put("email", email)
                .put("verified", false)
                .put("mfa_enabled", false)
                .put("bio", bio);
    }
}
