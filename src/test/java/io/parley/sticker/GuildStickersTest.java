package io.parley.sticker;

import io.parley.platform.error.ApiException;
import io.parley.platform.error.ErrorCode;
import io.parley.sticker.StickerCommands.CreateSticker;
import io.parley.sticker.StickerCommands.DeleteSticker;
import io.parley.sticker.StickerCommands.UpdateSticker;
import io.parley.sticker.StickerEvents.Sticker;
import io.parley.sticker.StickerEvents.StickerCreated;
import io.parley.sticker.StickerEvents.StickerDeleted;
import io.parley.sticker.StickerEvents.StickerUpdated;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

class GuildStickersTest {
    private static final Instant NOW = Instant.parse("2026-11-29T05:00:00Z");
    private static final String SET = GuildStickers.aggregateId(1);
    private static final Sticker WAVE = new Sticker(10, "wave", "says hi", "wave", 1, 3);
    private static final Sticker DANCE = new Sticker(11, "dance", null, "party", 4, 3);
    private FixtureConfiguration<GuildStickers> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(GuildStickers.class);
    }

    private static StickerCreated created(Sticker sticker, List<Sticker> after) {
        return new StickerCreated(1, sticker, sticker.formatType() == 4 ? "image/gif" : "image/png", NOW, after);
    }

    private static CreateSticker create(Sticker s, int max) {
        return new CreateSticker(SET, 1, s.id(), s.name(), s.description(), s.tags(), s.formatType(),
                s.formatType() == 4 ? "image/gif" : "image/png", s.userId(), max, NOW);
    }

    private static Matcher<ApiException> refused(ErrorCode code) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(ApiException e) {
                return e.code() == code;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("ApiException " + code);
            }
        };
    }

    @Test
    void theFirstStickerCreatesTheGuildsSetAndEachEventCarriesTheWholeSet() {
        fixture.givenNoPriorActivity().when(create(WAVE, 50)).expectEvents(created(WAVE, List.of(WAVE)));
        fixture.given(created(WAVE, List.of(WAVE))).when(create(DANCE, 50))
                .expectEvents(created(DANCE, List.of(WAVE, DANCE)));
    }

    @Test
    void aFullGuildRefusesAnotherSticker() {
        fixture.given(created(WAVE, List.of(WAVE))).when(create(DANCE, 1))
                .expectException(refused(ErrorCode.MAX_STICKERS)).expectNoEvents();
    }

    @Test
    void anUpdateKeepsWhatIsNotGivenAndAnEmptyDescriptionClearsIt() {
        Sticker renamed = new Sticker(10, "hello", null, "wave", 1, 3);
        fixture.given(created(WAVE, List.of(WAVE)))
                .when(new UpdateSticker(SET, 10, "hello", "", null, 4, NOW))
                .expectEvents(new StickerUpdated(1, WAVE, renamed, 4, NOW, List.of(renamed)));
    }

    @Test
    void anUpdateThatChangesNothingRecordsNothing() {
        fixture.given(created(WAVE, List.of(WAVE)))
                .when(new UpdateSticker(SET, 10, "wave", null, "wave", 4, NOW))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void deletingRemovesItAndAnUnknownStickerIsRefused() {
        fixture.given(created(WAVE, List.of(WAVE)), created(DANCE, List.of(WAVE, DANCE)))
                .when(new DeleteSticker(SET, 10, 4, NOW))
                .expectEvents(new StickerDeleted(1, WAVE, 4, NOW, List.of(DANCE)));
        fixture.given(created(WAVE, List.of(WAVE)), new StickerDeleted(1, WAVE, 4, NOW, List.of()))
                .when(new UpdateSticker(SET, 10, "again", null, null, 4, NOW))
                .expectException(refused(ErrorCode.UNKNOWN_STICKER)).expectNoEvents();
    }
}
