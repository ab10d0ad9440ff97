package io.parley.settings;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

import java.time.Instant;

/** Reactive reads of user_settings and user_guild_settings; a user without a row has the defaults. */
public final class SettingsQueries {
    private final Pool pool;

    public SettingsQueries(Pool pool) {
        this.pool = pool;
    }

    public Future<JsonObject> userSettings(long userId) {
        return pool.preparedQuery("SELECT settings::text FROM user_settings WHERE user_id = $1")
                .execute(Tuple.of(userId))
                .map(rows -> UserSettings.shown(rows.size() == 0 ? UserSettings.DEFAULT.toJson()
                        : new JsonObject(rows.iterator().next().getString(0)), Instant.now()));
    }

    public Future<JsonObject> guildSettings(long userId, long guildId) {
        return pool.preparedQuery("SELECT settings::text FROM user_guild_settings WHERE user_id = $1 AND guild_id = $2")
                .execute(Tuple.of(userId, guildId))
                .map(rows -> rows.size() == 0 ? GuildNotificationSettings.DEFAULT.toJson(guildId)
                        : new JsonObject(rows.iterator().next().getString(0)));
    }

    /** The user's stored guild settings, for guilds they are still a member of. */
    public Future<JsonArray> allGuildSettings(long userId) {
        return pool.preparedQuery("""
                        SELECT s.settings::text FROM user_guild_settings s
                        JOIN members m ON m.guild_id = s.guild_id AND m.user_id = s.user_id
                        WHERE s.user_id = $1 ORDER BY s.guild_id""")
                .execute(Tuple.of(userId))
                .map(rows -> {
                    JsonArray out = new JsonArray();
                    for (Row row : rows) {
                        out.add(new JsonObject(row.getString(0)));
                    }
                    return out;
                });
    }

    /** READY's user_settings and user_guild_settings. */
    public Future<JsonObject> readyParts(long userId) {
        return userSettings(userId).compose(settings -> allGuildSettings(userId).map(guilds -> new JsonObject()
                .put("user_settings", settings)
                .put("user_guild_settings", new JsonObject().put("version", 0).put("partial", false)
                        .put("entries", guilds))));
    }
}
