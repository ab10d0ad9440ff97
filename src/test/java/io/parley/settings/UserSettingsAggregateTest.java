package io.parley.settings;

import io.parley.settings.UserSettings.CustomStatus;
import io.parley.settings.UserSettingsMessages.UpdateUserSettings;
import io.parley.settings.UserSettingsMessages.UserSettingsUpdated;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;

class UserSettingsAggregateTest {
    private static final Instant NOW = Instant.parse("2026-12-04T03:00:00Z");
    private static final String ID = UserSettingsMessages.settingsId(7);
    private FixtureConfiguration<UserSettingsAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(UserSettingsAggregate.class);
    }

    private static UserSettingsChange status(String status) {
        return new UserSettingsChange(status, false, null, null, null, null, null, null, null, null);
    }

    private static UserSettingsChange theme(String theme) {
        return new UserSettingsChange(null, false, null, theme, null, null, null, null, null, null);
    }

    private static UserSettings withStatus(UserSettings s, String status) {
        return status(status).applyTo(s);
    }

    @Test
    void aFirstChangeRecordsTheDefaultsWithTheChangeApplied() {
        fixture.givenNoPriorActivity()
                .when(new UpdateUserSettings(ID, 7, status("dnd"), NOW))
                .expectEvents(new UserSettingsUpdated(ID, 7, withStatus(UserSettings.DEFAULT, "dnd"), true, NOW));
    }

    @Test
    void aChangeKeepsWhatItDoesNotMentionAndSaysTheStatusDidNotChange() {
        UserSettings dnd = withStatus(UserSettings.DEFAULT, "dnd");
        fixture.given(new UserSettingsUpdated(ID, 7, dnd, true, NOW))
                .when(new UpdateUserSettings(ID, 7, theme("light"), NOW))
                .expectEvents(new UserSettingsUpdated(ID, 7, theme("light").applyTo(dnd), false, NOW));
    }

    @Test
    void aChangeToTheCurrentValuesRecordsNothing() {
        UserSettings dnd = withStatus(UserSettings.DEFAULT, "dnd");
        fixture.given(new UserSettingsUpdated(ID, 7, dnd, true, NOW))
                .when(new UpdateUserSettings(ID, 7, status("dnd"), NOW))
                .expectNoEvents();
    }

    @Test
    void aNullCustomStatusClearsOneThatWasSet() {
        CustomStatus lunch = new CustomStatus("at lunch", null, null);
        UserSettings set = new UserSettingsChange(null, true, lunch, null, null, null, null, null, null, null)
                .applyTo(UserSettings.DEFAULT);
        UserSettingsChange clear = new UserSettingsChange(null, true, null, null, null, null, null, null, null, null);
        fixture.given(new UserSettingsUpdated(ID, 7, set, false, NOW))
                .when(new UpdateUserSettings(ID, 7, clear, NOW))
                .expectEvents(new UserSettingsUpdated(ID, 7, UserSettings.DEFAULT, false, NOW));
    }
}
