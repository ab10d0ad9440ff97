package io.parley.social;

import io.parley.platform.error.ApiException;
import io.parley.social.PrivateChannelCommands.AddRecipient;
import io.parley.social.PrivateChannelCommands.OpenPrivateChannel;
import io.parley.social.PrivateChannelCommands.RemoveRecipient;
import io.parley.social.PrivateChannelCommands.RenameGroupDm;
import io.parley.social.PrivateChannelEvents.GroupDmRenamed;
import io.parley.social.PrivateChannelEvents.PrivateChannelOpened;
import io.parley.social.PrivateChannelEvents.RecipientAdded;
import io.parley.social.PrivateChannelEvents.RecipientRemoved;
import io.parley.social.ReadStateMessages.AckMessage;
import io.parley.social.ReadStateMessages.MessageAcked;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

class PrivateChannelAggregateTest {
    private static final Instant NOW = Instant.parse("2026-11-29T01:00:00Z");
    private static final PrivateChannelOpened GROUP = new PrivateChannelOpened(9, PrivateChannelJson.GROUP_DM, 1L,
            List.of(1L, 2L, 3L), "trio", NOW);
    private FixtureConfiguration<PrivateChannelAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(PrivateChannelAggregate.class);
    }

    @Test
    void openingAGroupKeepsEachRecipientOnce() {
        fixture.givenNoPriorActivity()
                .when(new OpenPrivateChannel(9, PrivateChannelJson.GROUP_DM, 1L, List.of(1L, 2L, 3L, 2L), "trio", 10, NOW))
                .expectEvents(GROUP);
    }

    @Test
    void aGroupOverTheLimitIsRejected() {
        fixture.givenNoPriorActivity()
                .when(new OpenPrivateChannel(9, PrivateChannelJson.GROUP_DM, 1L, List.of(1L, 2L, 3L), null, 2, NOW))
                .expectException(ApiException.class);
    }

    @Test
    void addingBeyondTheLimitIsRejected() {
        fixture.given(GROUP)
                .when(new AddRecipient(9, 1, 4, 3, NOW))
                .expectException(ApiException.class);
    }

    @Test
    void aRecipientCanAddSomeone() {
        fixture.given(GROUP)
                .when(new AddRecipient(9, 2, 4, 10, NOW))
                .expectEvents(new RecipientAdded(9, 4, 2, NOW));
    }

    @Test
    void anOutsiderCannotAddAnyone() {
        fixture.given(GROUP)
                .when(new AddRecipient(9, 5, 4, 10, NOW))
                .expectException(ApiException.class);
    }

    @Test
    void onlyTheOwnerRemovesOthers() {
        fixture.given(GROUP)
                .when(new RemoveRecipient(9, 2, 3, NOW))
                .expectException(ApiException.class);
    }

    @Test
    void whenTheOwnerLeavesOwnershipPassesOn() {
        fixture.given(GROUP)
                .when(new RemoveRecipient(9, 1, 1, NOW))
                .expectEvents(new RecipientRemoved(9, 1, 1, 2L, NOW));
    }

    @Test
    void aOneToOneDmHasNoRecipientsToChange() {
        fixture.given(new PrivateChannelOpened(9, PrivateChannelJson.DM, null, List.of(1L, 2L), null, NOW))
                .when(new AddRecipient(9, 1, 3, 10, NOW))
                .expectException(ApiException.class);
    }

    @Test
    void aRecipientCanRenameTheGroup() {
        fixture.given(GROUP)
                .when(new RenameGroupDm(9, 3, "renamed", NOW))
                .expectEvents(new GroupDmRenamed(9, "renamed", 3, NOW));
    }

    @Test
    void anAckNeverMovesBackwards() {
        FixtureConfiguration<ReadStateAggregate> reads = new AggregateTestFixture<>(ReadStateAggregate.class);
        String id = ReadStateMessages.readStateId(1);
        reads.given(new MessageAcked(id, 1, 5, 100, NOW))
                .when(new AckMessage(id, 1, 5, 90, NOW))
                .expectNoEvents();
        reads.given(new MessageAcked(id, 1, 5, 100, NOW))
                .when(new AckMessage(id, 1, 5, 110, NOW))
                .expectEvents(new MessageAcked(id, 1, 5, 110, NOW));
    }
}
