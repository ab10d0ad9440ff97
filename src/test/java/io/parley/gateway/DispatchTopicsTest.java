package io.parley.gateway;

import io.parley.social.PrivateChannelEvents.PrivateChannelOpened;
import io.parley.social.RelationshipEvents.FriendRequestSent;
import io.parley.social.RelationshipEvents.UserBlocked;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which nodes a commit wakes at once in cluster mode: the ones holding sessions of these topics. */
class DispatchTopicsTest {
    private static final Instant AT = Instant.parse("2026-11-29T00:00:00Z");

    @Test
    void aNewGroupDmWakesEveryRecipient() {
        assertEquals(List.of("user:1", "user:2", "user:3"),
                DispatchTopics.of(new PrivateChannelOpened(9, 3, 1L, List.of(1L, 2L, 3L), "trio", AT)));
    }

    @Test
    void relationshipChangesWakeBothUsers() {
        assertEquals(List.of("user:4", "user:5"), DispatchTopics.of(new FriendRequestSent("relationship:4:5", 4, 5, AT)));
        assertEquals(List.of("user:5", "user:4"), DispatchTopics.of(new UserBlocked("relationship:4:5", 5, 4, AT)));
    }

    @Test
    void anEventWithoutGuildOrUserHasNoTopic() {
        assertEquals(List.of(), DispatchTopics.of("not an event"));
    }
}
