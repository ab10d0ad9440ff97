package io.parley.emoji;

import io.parley.emoji.EmojiCommands.CreateEmoji;
import io.parley.emoji.EmojiCommands.DeleteEmoji;
import io.parley.emoji.EmojiCommands.RenameEmoji;
import io.parley.emoji.EmojiEvents.Emoji;
import io.parley.emoji.EmojiEvents.EmojiCreated;
import io.parley.emoji.EmojiEvents.EmojiDeleted;
import io.parley.emoji.EmojiEvents.EmojiRenamed;
import io.parley.platform.error.ApiException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

class GuildEmojisTest {
    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
    private static final String SET = GuildEmojis.aggregateId(1);
    private static final Emoji WAVE = new Emoji(10, "wave", false, 3);
    private static final Emoji DANCE = new Emoji(11, "dance", true, 3);
    private FixtureConfiguration<GuildEmojis> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(GuildEmojis.class);
    }

    private static EmojiCreated created(Emoji emoji, List<Emoji> after) {
        return new EmojiCreated(1, emoji, emoji.animated() ? "image/gif" : "image/png", NOW, after);
    }

    @Test
    void theFirstEmojiCreatesTheGuildsSet() {
        fixture.givenNoPriorActivity()
                .when(new CreateEmoji(SET, 1, 10, "wave", false, "image/png", 3, 50, NOW))
                .expectEvents(created(WAVE, List.of(WAVE)));
    }

    @Test
    void eachEventCarriesTheWholeSetAfterIt() {
        fixture.given(created(WAVE, List.of(WAVE)))
                .when(new CreateEmoji(SET, 1, 11, "dance", true, "image/gif", 3, 50, NOW))
                .expectEvents(created(DANCE, List.of(WAVE, DANCE)));
    }

    @Test
    void staticAndAnimatedEmojisHaveSeparateLimits() {
        fixture.given(created(WAVE, List.of(WAVE)))
                .when(new CreateEmoji(SET, 1, 12, "smile", false, "image/png", 3, 1, NOW))
                .expectException(ApiException.class)
                .expectNoEvents();
        fixture.given(created(WAVE, List.of(WAVE)))
                .when(new CreateEmoji(SET, 1, 11, "dance", true, "image/gif", 3, 1, NOW))
                .expectEvents(created(DANCE, List.of(WAVE, DANCE)));
    }

    @Test
    void renamingRecordsTheOldName() {
        fixture.given(created(WAVE, List.of(WAVE)))
                .when(new RenameEmoji(SET, 10, "hello", 4, NOW))
                .expectEvents(new EmojiRenamed(1, 10, "wave", "hello", 4, NOW,
                        List.of(new Emoji(10, "hello", false, 3))));
    }

    @Test
    void deletingRemovesItFromTheSetAndAnUnknownEmojiIsRefused() {
        fixture.given(created(WAVE, List.of(WAVE)), created(DANCE, List.of(WAVE, DANCE)))
                .when(new DeleteEmoji(SET, 10, 4, NOW))
                .expectEvents(new EmojiDeleted(1, 10, "wave", 4, NOW, List.of(DANCE)));
        fixture.given(created(WAVE, List.of(WAVE)), new EmojiDeleted(1, 10, "wave", 4, NOW, List.of()))
                .when(new RenameEmoji(SET, 10, "again", 4, NOW))
                .expectException(ApiException.class)
                .expectNoEvents();
    }
}
