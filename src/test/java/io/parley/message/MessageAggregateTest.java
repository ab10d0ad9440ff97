package io.parley.message;

import io.parley.message.MessageCommands.AddReaction;
import io.parley.message.MessageCommands.ClearReactions;
import io.parley.message.MessageCommands.DeleteMessage;
import io.parley.message.MessageCommands.EditMessage;
import io.parley.message.MessageCommands.PostMessage;
import io.parley.message.MessageCommands.RemoveReaction;
import io.parley.message.MessageCommands.SetPinned;
import io.parley.message.MessageEvents.MessageDeleted;
import io.parley.message.MessageEvents.MessageEdited;
import io.parley.message.MessageEvents.MessagePosted;
import io.parley.message.MessageEvents.PinChanged;
import io.parley.message.MessageEvents.ReactionAdded;
import io.parley.message.MessageEvents.ReactionRemoved;
import io.parley.message.MessageEvents.ReactionsCleared;
import io.parley.platform.error.ApiException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

class MessageAggregateTest {
    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
    private static final long MESSAGE = 500;
    private static final long AUTHOR = 7;
    private static final long OTHER = 8;

    private final Map<String, Long> nonces = new HashMap<>();
    private FixtureConfiguration<MessageAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(MessageAggregate.class);
        fixture.registerInjectableResource((MessageNonces) (author, nonce, messageId) ->
                Optional.ofNullable(nonces.putIfAbsent(author + "/" + nonce, messageId)));
    }

    private static PostMessage post(long id, String nonce) {
        return new PostMessage(id, 1, 2L, AUTHOR, 0, "hello", nonce, false, "[]", List.of(), null, Mentions.NONE, 0, NOW,
                List.of(), null);
    }

    private static MessagePosted posted() {
        return new MessagePosted(MESSAGE, 1, 2L, AUTHOR, 0, "hello", null, false, "[]", List.of(), null, Mentions.NONE,
                0, NOW, List.of(), null);
    }

    @Test
    void postingRecordsTheMessage() {
        fixture.givenNoPriorActivity().when(post(MESSAGE, null)).expectEvents(posted());
    }

    @Test
    void aRepeatedNonceIsRejectedWithTheOriginalMessage() {
        nonces.put(AUTHOR + "/abc", 499L);
        fixture.givenNoPriorActivity()
                .when(post(MESSAGE, "abc"))
                .expectException(DuplicateNonce.class)
                .expectNoEvents();
    }

    @Test
    void onlyTheAuthorEditsAndUnsentFieldsStay() {
        fixture.given(posted())
                .when(new EditMessage(MESSAGE, AUTHOR, "edited", null, null, NOW))
                .expectEvents(new MessageEdited(MESSAGE, 1, 2L, AUTHOR, "edited", "[]", 0, NOW));
        fixture.given(posted())
                .when(new EditMessage(MESSAGE, OTHER, "hijack", null, null, NOW))
                .expectException(ApiException.class)
                .expectNoEvents();
    }

    @Test
    void deletingRecordsAuthorAndActor() {
        fixture.given(posted())
                .when(new DeleteMessage(MESSAGE, OTHER, NOW))
                .expectEvents(new MessageDeleted(MESSAGE, 1, 2L, AUTHOR, OTHER, NOW));
    }

    @Test
    void aBulkDeletionNamesItsWholeBatch() {
        fixture.given(posted())
                .when(new DeleteMessage(MESSAGE, OTHER, NOW, java.util.List.of(MESSAGE, MESSAGE + 1)))
                .expectEvents(new MessageDeleted(MESSAGE, 1, 2L, AUTHOR, OTHER, NOW, java.util.List.of(MESSAGE, MESSAGE + 1)));
    }

    @Test
    void reactingTwiceWithTheSameEmojiCountsOnce() {
        fixture.given(posted(), new ReactionAdded(MESSAGE, 1, 2L, OTHER, "👍", NOW))
                .when(new AddReaction(MESSAGE, OTHER, "👍", 30, NOW))
                .expectNoEvents();
    }

    @Test
    void aNewEmojiPastTheDistinctLimitIsRefusedButJoiningAnExistingOneIsNot() {
        fixture.given(posted(), new ReactionAdded(MESSAGE, 1, 2L, OTHER, "👍", NOW))
                .when(new AddReaction(MESSAGE, AUTHOR, "🎉", 1, NOW))
                .expectException(ApiException.class);
        fixture.given(posted(), new ReactionAdded(MESSAGE, 1, 2L, OTHER, "👍", NOW))
                .when(new AddReaction(MESSAGE, AUTHOR, "👍", 1, NOW))
                .expectEvents(new ReactionAdded(MESSAGE, 1, 2L, AUTHOR, "👍", NOW));
    }

    @Test
    void removingAReactionThatIsNotThereChangesNothing() {
        fixture.given(posted())
                .when(new RemoveReaction(MESSAGE, OTHER, "👍", OTHER, NOW))
                .expectNoEvents();
        fixture.given(posted(), new ReactionAdded(MESSAGE, 1, 2L, OTHER, "👍", NOW))
                .when(new RemoveReaction(MESSAGE, OTHER, "👍", AUTHOR, NOW))
                .expectEvents(new ReactionRemoved(MESSAGE, 1, 2L, OTHER, "👍", AUTHOR, NOW));
    }

    @Test
    void clearingOneEmojiOrAllOfThem() {
        fixture.given(posted(), new ReactionAdded(MESSAGE, 1, 2L, OTHER, "👍", NOW))
                .when(new ClearReactions(MESSAGE, "🎉", AUTHOR, NOW))
                .expectNoEvents();
        fixture.given(posted(), new ReactionAdded(MESSAGE, 1, 2L, OTHER, "👍", NOW))
                .when(new ClearReactions(MESSAGE, null, AUTHOR, NOW))
                .expectEvents(new ReactionsCleared(MESSAGE, 1, 2L, null, AUTHOR, NOW));
    }

    @Test
    void pinningIsIdempotent() {
        fixture.given(posted())
                .when(new SetPinned(MESSAGE, true, AUTHOR, NOW))
                .expectEvents(new PinChanged(MESSAGE, 1, 2L, true, AUTHOR, NOW));
        fixture.given(posted(), new PinChanged(MESSAGE, 1, 2L, true, AUTHOR, NOW))
                .when(new SetPinned(MESSAGE, true, AUTHOR, NOW))
                .expectNoEvents();
    }
}
