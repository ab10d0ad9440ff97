package io.parley.social;

import io.parley.platform.error.ApiException;
import io.parley.social.RelationshipCommands.BlockUser;
import io.parley.social.RelationshipCommands.RemoveRelationship;
import io.parley.social.RelationshipCommands.RequestFriendship;
import io.parley.social.RelationshipEvents.FriendRequestAccepted;
import io.parley.social.RelationshipEvents.FriendRequestSent;
import io.parley.social.RelationshipEvents.FriendshipRemoved;
import io.parley.social.RelationshipEvents.UserBlocked;
import io.parley.social.RelationshipEvents.UserUnblocked;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;

class RelationshipAggregateTest {
    private static final Instant NOW = Instant.parse("2026-11-29T01:00:00Z");
    private static final String PAIR = RelationshipTypes.pairId(1, 2);
    private FixtureConfiguration<RelationshipAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(RelationshipAggregate.class);
    }

    @Test
    void aFirstRequestIsSent() {
        fixture.givenNoPriorActivity()
                .when(new RequestFriendship(PAIR, 1, 2, NOW))
                .expectEvents(new FriendRequestSent(PAIR, 1, 2, NOW));
    }

    @Test
    void requestingBackAcceptsThePendingRequest() {
        fixture.given(new FriendRequestSent(PAIR, 1, 2, NOW))
                .when(new RequestFriendship(PAIR, 2, 1, NOW))
                .expectEvents(new FriendRequestAccepted(PAIR, 2, 1, NOW));
    }

    @Test
    void requestingAgainChangesNothing() {
        fixture.given(new FriendRequestSent(PAIR, 1, 2, NOW))
                .when(new RequestFriendship(PAIR, 1, 2, NOW))
                .expectNoEvents();
    }

    @Test
    void aBlockedUserCannotSendARequest() {
        fixture.given(new UserBlocked(PAIR, 1, 2, NOW))
                .when(new RequestFriendship(PAIR, 2, 1, NOW))
                .expectException(ApiException.class);
    }

    @Test
    void decliningRemovesTheRequest() {
        fixture.given(new FriendRequestSent(PAIR, 1, 2, NOW))
                .when(new RemoveRelationship(PAIR, 2, 1, NOW))
                .expectEvents(new FriendshipRemoved(PAIR, 2, 1, NOW));
    }

    @Test
    void removingWhatDoesNotExistIsRejected() {
        fixture.givenNoPriorActivity()
                .when(new RemoveRelationship(PAIR, 1, 2, NOW))
                .expectException(ApiException.class);
    }

    @Test
    void removingABlockUnblocks() {
        fixture.given(new UserBlocked(PAIR, 1, 2, NOW))
                .when(new RemoveRelationship(PAIR, 1, 2, NOW))
                .expectEvents(new UserUnblocked(PAIR, 1, 2, NOW));
    }

    @Test
    void blockingAFriendReplacesTheFriendship() {
        fixture.given(new FriendRequestSent(PAIR, 1, 2, NOW), new FriendRequestAccepted(PAIR, 2, 1, NOW))
                .when(new BlockUser(PAIR, 1, 2, NOW))
                .expectEvents(new UserBlocked(PAIR, 1, 2, NOW));
    }

    @Test
    void theBlockedUserCanStillRemoveNothingOnTheirSide() {
        fixture.given(new UserBlocked(PAIR, 1, 2, NOW))
                .when(new RemoveRelationship(PAIR, 2, 1, NOW))
                .expectException(ApiException.class);
    }

    @Test
    void befriendingYourselfIsRejected() {
        String self = RelationshipTypes.pairId(1, 1);
        fixture.givenNoPriorActivity()
                .when(new RequestFriendship(self, 1, 1, NOW))
                .expectException(ApiException.class);
    }
}
