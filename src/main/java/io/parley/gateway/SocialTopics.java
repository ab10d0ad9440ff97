package io.parley.gateway;

import io.parley.social.PrivateChannelEvents.PrivateChannelOpened;
import io.parley.social.PrivateChannelEvents.RecipientAdded;
import io.parley.social.PrivateChannelEvents.RecipientRemoved;
import io.parley.social.RelationshipEvents.FriendRequestAccepted;
import io.parley.social.RelationshipEvents.FriendRequestSent;
import io.parley.social.RelationshipEvents.FriendshipRemoved;
import io.parley.social.RelationshipEvents.UserBlocked;
import io.parley.social.RelationshipEvents.UserUnblocked;
import io.parley.settings.GuildSettingsMessages.UserGuildSettingsUpdated;
import io.parley.settings.UserSettingsMessages.UserSettingsUpdated;

import java.util.List;

/**
 * The user topics of relationship, DM membership and settings events. Events that concern a DM channel's
 * current recipients (messages, renames) have no topic: resolving recipients needs the read
 * tables, so other nodes deliver those at their next poll of the event log.
 */
final class SocialTopics {
    private SocialTopics() {
    }

    /** The topics, or null when the event is not a social one. */
    static List<String> of(Object event) {
        if (event instanceof PrivateChannelOpened e) {
            return e.recipients().stream().map(DispatchTopics::user).toList();
        }
        if (event instanceof RecipientAdded e) {
            return List.of(DispatchTopics.user(e.userId()), DispatchTopics.user(e.actorId()));
        }
        if (event instanceof RecipientRemoved e) {
            return List.of(DispatchTopics.user(e.userId()), DispatchTopics.user(e.actorId()));
        }
        if (event instanceof FriendRequestSent e) {
            return pair(e.fromId(), e.toId());
        }
        if (event instanceof FriendRequestAccepted e) {
            return pair(e.accepterId(), e.requesterId());
        }
        if (event instanceof FriendshipRemoved e) {
            return pair(e.actorId(), e.otherId());
        }
        if (event instanceof UserBlocked e) {
            return pair(e.blockerId(), e.blockedId());
        }
        if (event instanceof UserUnblocked e) {
            return pair(e.blockerId(), e.blockedId());
        }
        if (event instanceof UserSettingsUpdated e) {
            return List.of(DispatchTopics.user(e.userId()));
        }
        if (event instanceof UserGuildSettingsUpdated e) {
            return List.of(DispatchTopics.user(e.userId()));
        }
        return null;
    }

    private static List<String> pair(long a, long b) {
        return List.of(DispatchTopics.user(a), DispatchTopics.user(b));
    }
}
