package io.parley.settings;

import io.parley.settings.GuildNotificationSettings.ChannelOverride;
import io.parley.settings.GuildNotificationSettings.MuteConfig;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fields of one guild settings PATCH; null leaves a field as it is ({@code muteConfigSet}
 * tells a cleared mute config from one not mentioned). Channel overrides merge by channel.
 */
public record GuildSettingsChange(Boolean muted, boolean muteConfigSet, MuteConfig muteConfig,
                                  Boolean suppressEveryone, Boolean suppressRoles, Integer messageNotifications,
                                  Boolean mobilePush, Boolean hideMutedChannels, List<OverrideChange> channelOverrides) {

    /** One channel's part of the PATCH, with the same null-means-unchanged rule. */
    public record OverrideChange(long channelId, Boolean muted, boolean muteConfigSet, MuteConfig muteConfig,
                                 Integer messageNotifications, Boolean collapsed) {
        ChannelOverride applyTo(ChannelOverride o) {
            return new ChannelOverride(channelId, muted == null ? o.muted() : muted,
                    muteConfigSet ? muteConfig : o.muteConfig(),
                    messageNotifications == null ? o.messageNotifications() : messageNotifications,
                    collapsed == null ? o.collapsed() : collapsed);
        }
    }

    public GuildNotificationSettings applyTo(GuildNotificationSettings s) {
        Map<Long, ChannelOverride> overrides = new LinkedHashMap<>();
        s.channelOverrides().forEach(o -> overrides.put(o.channelId(), o));
        for (OverrideChange change : channelOverrides) {
            overrides.put(change.channelId(), change.applyTo(
                    overrides.getOrDefault(change.channelId(), ChannelOverride.defaults(change.channelId()))));
        }
        return new GuildNotificationSettings(
                muted == null ? s.muted() : muted,
                muteConfigSet ? muteConfig : s.muteConfig(),
                suppressEveryone == null ? s.suppressEveryone() : suppressEveryone,
                suppressRoles == null ? s.suppressRoles() : suppressRoles,
                messageNotifications == null ? s.messageNotifications() : messageNotifications,
                mobilePush == null ? s.mobilePush() : mobilePush,
                hideMutedChannels == null ? s.hideMutedChannels() : hideMutedChannels,
                List.copyOf(new ArrayList<>(overrides.values())));
    }
}
