package io.parley.settings;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.util.List;

/**
 * One user's notification settings for one guild (Discord's user guild settings).
 * {@code messageNotifications}: 0 all messages, 1 only mentions, 2 nothing, 3 the guild's default.
 */
public record GuildNotificationSettings(boolean muted, MuteConfig muteConfig, boolean suppressEveryone,
                                        boolean suppressRoles, int messageNotifications, boolean mobilePush,
                                        boolean hideMutedChannels, List<ChannelOverride> channelOverrides) {
    public static final int INHERIT = 3;
    public static final GuildNotificationSettings DEFAULT = new GuildNotificationSettings(false, null, false, false,
            INHERIT, true, false, List.of());

    /** Until when a mute lasts: {@code endTime} null and window -1 mean until turned off. */
    public record MuteConfig(Instant endTime, int selectedTimeWindow) {
        JsonObject toJson() {
            return new JsonObject().put("end_time", endTime == null ? null : endTime.toString())
                    .put("selected_time_window", selectedTimeWindow);
        }
    }

    public record ChannelOverride(long channelId, boolean muted, MuteConfig muteConfig, int messageNotifications,
                                  boolean collapsed) {
        public static ChannelOverride defaults(long channelId) {
            return new ChannelOverride(channelId, false, null, INHERIT, false);
        }

        JsonObject toJson() {
            return new JsonObject().put("channel_id", Long.toString(channelId)).put("muted", muted)
                    .put("mute_config", muteConfig == null ? null : muteConfig.toJson())
                    .put("message_notifications", messageNotifications).put("collapsed", collapsed);
        }
    }

    public JsonObject toJson(long guildId) {
        JsonArray overrides = new JsonArray();
        channelOverrides.forEach(o -> overrides.add(o.toJson()));
        return new JsonObject()
                .put("guild_id", Long.toString(guildId))
                .put("muted", muted)
                .put("mute_config", muteConfig == null ? null : muteConfig.toJson())
                .put("suppress_everyone", suppressEveryone)
                .put("suppress_roles", suppressRoles)
                .put("message_notifications", messageNotifications)
                .put("mobile_push", mobilePush)
                .put("hide_muted_channels", hideMutedChannels)
                .put("channel_overrides", overrides)
                .put("version", 0);
    }
}
