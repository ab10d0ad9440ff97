package io.parley.settings;

import io.parley.http.JsonInput;
import io.parley.settings.GuildSettingsChange.OverrideChange;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.parley.settings.SettingsInput.optionalBool;
import static io.parley.settings.SettingsInput.optionalInt;

/**
 * Reads a {@code PATCH /users/@me/guilds/{id}/settings} body. {@code channel_overrides} may be
 * Discord's object keyed by channel id or a list of objects with {@code channel_id}.
 */
final class GuildSettingsInput {
    static final int MAX_OVERRIDES = 500;

    private GuildSettingsInput() {
    }

    static GuildSettingsChange read(JsonInput in) {
        GuildSettingsChange change = new GuildSettingsChange(
                optionalBool(in, "muted"),
                in.has("mute_config"), SettingsInput.muteConfig(in, "mute_config"),
                optionalBool(in, "suppress_everyone"),
                optionalBool(in, "suppress_roles"),
                optionalInt(in, "message_notifications", 0, GuildNotificationSettings.INHERIT),
                optionalBool(in, "mobile_push"),
                optionalBool(in, "hide_muted_channels"),
                overrides(in));
        in.done();
        return change;
    }

    private static List<OverrideChange> overrides(JsonInput in) {
        Object raw = in.raw("channel_overrides");
        List<OverrideChange> out = new ArrayList<>();
        if (raw == null) {
            return out;
        }
        if (raw instanceof JsonObject byChannel) {
            for (Map.Entry<String, Object> entry : byChannel) {
                JsonInput one = in.element("channel_overrides." + entry.getKey(), entry.getValue());
                Long channelId = channelId(entry.getKey());
                if (channelId == null) {
                    in.error("channel_overrides." + entry.getKey(), "Must be keyed by a channel id");
                } else {
                    out.add(override(one, channelId));
                }
            }
        } else if (raw instanceof JsonArray list) {
            for (int i = 0; i < list.size(); i++) {
                JsonInput one = in.element("channel_overrides." + i, list.getValue(i));
                Long channelId = one.snowflake("channel_id");
                if (channelId == null) {
                    one.error("channel_id", "This field is required");
                } else {
                    out.add(override(one, channelId));
                }
            }
        } else {
            in.error("channel_overrides", "Must be an object keyed by channel id");
        }
        if (out.size() > MAX_OVERRIDES) {
            in.error("channel_overrides", "At most " + MAX_OVERRIDES + " channels");
        }
        return out;
    }

    private static Long channelId(String key) {
        try {
            long id = Long.parseLong(key);
            return id > 0 ? id : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static OverrideChange override(JsonInput one, long channelId) {
        return new OverrideChange(channelId, optionalBool(one, "muted"), one.has("mute_config"),
                SettingsInput.muteConfig(one, "mute_config"),
                optionalInt(one, "message_notifications", 0, GuildNotificationSettings.INHERIT),
                optionalBool(one, "collapsed"));
    }
}
