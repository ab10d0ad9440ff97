package io.parley.settings;

import io.parley.settings.GuildNotificationSettings.ChannelOverride;
import io.parley.settings.GuildNotificationSettings.MuteConfig;
import io.parley.settings.GuildSettingsChange.OverrideChange;
import io.parley.settings.GuildSettingsMessages.UpdateGuildSettings;
import io.parley.settings.GuildSettingsMessages.UserGuildSettingsUpdated;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

class GuildSettingsAggregateTest {
    private static final Instant NOW = Instant.parse("2026-12-04T03:00:00Z");
    private static final String ID = GuildSettingsMessages.guildSettingsId(7, 100);
    private FixtureConfiguration<GuildSettingsAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(GuildSettingsAggregate.class);
    }

    private static GuildSettingsChange change(Boolean muted, Integer notifications, List<OverrideChange> overrides) {
        return new GuildSettingsChange(muted, false, null, null, null, notifications, null, null, overrides);
    }

    @Test
    void mutingAGuildRecordsTheSettings() {
        MuteConfig hour = new MuteConfig(NOW.plusSeconds(3600), 3600);
        GuildSettingsChange mute = new GuildSettingsChange(true, true, hour, null, null, null, null, null, List.of());
        fixture.givenNoPriorActivity()
                .when(new UpdateGuildSettings(ID, 7, 100, mute, NOW))
                .expectEvents(new UserGuildSettingsUpdated(ID, 7, 100, new GuildNotificationSettings(true, hour,
                        false, false, GuildNotificationSettings.INHERIT, true, false, List.of()), NOW));
    }

    @Test
    void channelOverridesMergeByChannelAndKeepUnmentionedFields() {
        GuildNotificationSettings before = change(null, 1,
                List.of(new OverrideChange(5, true, false, null, 2, null))).applyTo(GuildNotificationSettings.DEFAULT);
        GuildSettingsChange collapse = change(null, null, List.of(new OverrideChange(5, null, false, null, null, true),
                new OverrideChange(6, null, false, null, 0, null)));
        GuildNotificationSettings after = new GuildNotificationSettings(false, null, false, false, 1, true, false,
                List.of(new ChannelOverride(5, true, null, 2, true), new ChannelOverride(6, false, null, 0, false)));
        fixture.given(new UserGuildSettingsUpdated(ID, 7, 100, before, NOW))
                .when(new UpdateGuildSettings(ID, 7, 100, collapse, NOW))
                .expectEvents(new UserGuildSettingsUpdated(ID, 7, 100, after, NOW));
    }

    @Test
    void aChangeToTheCurrentValuesRecordsNothing() {
        GuildNotificationSettings onlyMentions = change(null, 1, List.of()).applyTo(GuildNotificationSettings.DEFAULT);
        fixture.given(new UserGuildSettingsUpdated(ID, 7, 100, onlyMentions, NOW))
                .when(new UpdateGuildSettings(ID, 7, 100, change(false, 1, List.of()), NOW))
                .expectNoEvents();
    }
}
