package io.parley.gateway;

import io.parley.message.TypingEvents;
import io.parley.social.PrivateChannelEvents.GroupDmRenamed;
import io.parley.social.PrivateChannelEvents.PrivateChannelOpened;
import io.parley.social.PrivateChannelEvents.RecipientAdded;
import io.parley.social.PrivateChannelEvents.RecipientRemoved;
import io.parley.social.PrivateChannelJson;
import io.parley.social.ReadStateMessages.MessageAcked;
import io.parley.social.RelationshipEvents.FriendRequestAccepted;
import io.parley.social.RelationshipEvents.FriendRequestSent;
import io.parley.social.RelationshipEvents.FriendshipRemoved;
import io.parley.social.RelationshipEvents.UserBlocked;
import io.parley.social.RelationshipEvents.UserUnblocked;
import io.parley.social.RelationshipTypes;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Private channel, relationship and read-state dispatches. All of them go to users (never to
 * guild audiences), so in a cluster they map onto {@code user:{id}} topics.
 */
@ProcessingGroup(GatewayDispatcher.GROUP)
final class SocialDispatcher {
    private final Audience audience;
    private final UserDirectory users;
    private final PrivateChannelDirectory channels;

    SocialDispatcher(Sessions sessions, UserDirectory users, PrivateChannelDirectory channels, Vertx vertx) {
        this(sessions, users, channels);
        vertx.eventBus().<JsonObject>localConsumer(TypingEvents.PRIVATE_ADDRESS, message -> {
            JsonObject body = message.body();
            List<Long> recipients = body.getJsonArray("recipients").stream().map(o -> ((Number) o).longValue()).toList();
            audience.users(recipients, Intents.DIRECT_MESSAGE_TYPING, "TYPING_START", body.getJsonObject("typing").encode());
        });
    }

    /** Without the typing listener: a replay for one session. */
    SocialDispatcher(Sessions sessions, UserDirectory users, PrivateChannelDirectory channels) {
        this.audience = new Audience(sessions);
        this.users = users;
        this.channels = channels;
    }

    @EventHandler
    void on(PrivateChannelOpened e) {
        for (long viewer : e.recipients()) {
            send(viewer, "CHANNEL_CREATE", channelJson(e.channelId(), e.type(), e.ownerId(), e.name(), e.recipients(), viewer));
        }
    }

    @EventHandler
    void on(RecipientAdded e) {
        Set<Long> everyone = channels.recipients(e.channelId());
        everyone.add(e.userId());
        channels.channel(e.channelId()).ifPresent(row -> send(e.userId(), "CHANNEL_CREATE",
                channelJson(e.channelId(), row.type(), row.ownerId(), row.name(), everyone, e.userId())));
        String data = new JsonObject().put("channel_id", id(e.channelId())).put("user", users.user(e.userId())).encode();
        audience.users(others(everyone, e.userId()), 0, "CHANNEL_RECIPIENT_ADD", data);
    }

    @EventHandler
    void on(RecipientRemoved e) {
        Set<Long> remaining = channels.recipients(e.channelId());
        remaining.remove(e.userId());
        String data = new JsonObject().put("channel_id", id(e.channelId())).put("user", users.user(e.userId())).encode();
        audience.users(remaining, 0, "CHANNEL_RECIPIENT_REMOVE", data);
        send(e.userId(), "CHANNEL_DELETE", new JsonObject().put("id", id(e.channelId()))
                .put("type", PrivateChannelJson.GROUP_DM));
        if (e.newOwnerId() != null) {
            audience.users(remaining, 0, "CHANNEL_UPDATE", new JsonObject().put("id", id(e.channelId()))
                    .put("type", PrivateChannelJson.GROUP_DM).put("owner_id", id(e.newOwnerId())).encode());
        }
    }

    @EventHandler
    void on(GroupDmRenamed e) {
        Set<Long> everyone = channels.recipients(e.channelId());
        channels.channel(e.channelId()).ifPresent(row -> {
            for (long viewer : everyone) {
                send(viewer, "CHANNEL_UPDATE", channelJson(e.channelId(), row.type(), row.ownerId(), e.name(),
                        everyone, viewer));
            }
        });
    }

    @EventHandler
    void on(FriendRequestSent e) {
        added(e.fromId(), e.toId(), RelationshipTypes.OUTGOING, e.at());
        added(e.toId(), e.fromId(), RelationshipTypes.INCOMING, e.at());
    }

    @EventHandler
    void on(FriendRequestAccepted e) {
        added(e.accepterId(), e.requesterId(), RelationshipTypes.FRIEND, e.at());
        added(e.requesterId(), e.accepterId(), RelationshipTypes.FRIEND, e.at());
    }

    @EventHandler
    void on(FriendshipRemoved e) {
        removed(e.actorId(), e.otherId());
        removed(e.otherId(), e.actorId());
    }

    @EventHandler
    void on(UserBlocked e) {
        added(e.blockerId(), e.blockedId(), RelationshipTypes.BLOCKED, e.at());
        // the blocked user loses any friendship or request silently, as in Discord
        removed(e.blockedId(), e.blockerId());
    }

    @EventHandler
    void on(UserUnblocked e) {
        removed(e.blockerId(), e.blockedId());
    }

    /** To all of the user's sessions: the acking one ignores it, the others mark the channel read. */
    @EventHandler
    void on(MessageAcked e) {
        send(e.userId(), "MESSAGE_ACK", new JsonObject().put("channel_id", id(e.channelId()))
                .put("message_id", id(e.messageId())).put("version", 0));
    }

    private void added(long userId, long otherId, int type, Instant since) {
        send(userId, "RELATIONSHIP_ADD", new JsonObject().put("id", id(otherId)).put("type", type)
                .put("user", users.user(otherId)).put("nickname", null).put("since", since.toString()));
    }

    private void removed(long userId, long otherId) {
        send(userId, "RELATIONSHIP_REMOVE", new JsonObject().put("id", id(otherId)).put("type", 0));
    }

    private JsonObject channelJson(long channelId, int type, Long ownerId, String name, Collection<Long> recipients,
                                   long viewer) {
        JsonArray others = new JsonArray();
        others(recipients, viewer).forEach(u -> others.add(users.user(u)));
        return PrivateChannelJson.of(channelId, type, ownerId, name, null, others);
    }

    private static Set<Long> others(Collection<Long> recipients, long viewer) {
        Set<Long> out = new LinkedHashSet<>(recipients);
        out.remove(viewer);
        return out;
    }

    private void send(long userId, String type, JsonObject data) {
        audience.users(List.of(userId), 0, type, data.encode());
    }

    private static String id(long value) {
        return Long.toString(value);
    }
}
