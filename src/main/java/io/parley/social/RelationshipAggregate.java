package io.parley.social;

import io.parley.platform.error.ApiException;
import io.parley.platform.error.ErrorCode;
import io.parley.social.RelationshipCommands.BlockUser;
import io.parley.social.RelationshipCommands.RemoveRelationship;
import io.parley.social.RelationshipCommands.RequestFriendship;
import io.parley.social.RelationshipEvents.FriendRequestAccepted;
import io.parley.social.RelationshipEvents.FriendRequestSent;
import io.parley.social.RelationshipEvents.FriendshipRemoved;
import io.parley.social.RelationshipEvents.UserBlocked;
import io.parley.social.RelationshipEvents.UserUnblocked;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

import java.util.HashMap;
import java.util.Map;

import static io.parley.social.RelationshipTypes.BLOCKED;
import static io.parley.social.RelationshipTypes.FRIEND;
import static io.parley.social.RelationshipTypes.INCOMING;
import static io.parley.social.RelationshipTypes.NONE;
import static io.parley.social.RelationshipTypes.OUTGOING;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

/** The relationship between two users, both directions at once, so a request and its acceptance cannot cross. */
public class RelationshipAggregate {
    @AggregateIdentifier
    private String pairId;
    /** Each user's view of the other. */
    private final Map<Long, Integer> types = new HashMap<>();

    protected RelationshipAggregate() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public Long handle(RequestFriendship c) {
        pairId = c.pairId();
        if (c.userId() == c.otherId()) {
            throw new ApiException(ErrorCode.CANNOT_FRIEND_SELF);
        }
        if (typeOf(c.otherId()) == BLOCKED || typeOf(c.userId()) == BLOCKED) {
            throw new ApiException(ErrorCode.FRIEND_REQUEST_BLOCKED);
        }
        switch (typeOf(c.userId())) {
            case INCOMING -> apply(new FriendRequestAccepted(pairId, c.userId(), c.otherId(), c.at()));
            case NONE -> apply(new FriendRequestSent(pairId, c.userId(), c.otherId(), c.at()));
            default -> { } // already friends or already asked
        }
        return getVersion();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public Long handle(RemoveRelationship c) {
        pairId = c.pairId();
        switch (typeOf(c.userId())) {
            case BLOCKED -> apply(new UserUnblocked(pairId, c.userId(), c.otherId(), c.at()));
            case FRIEND, INCOMING, OUTGOING -> apply(new FriendshipRemoved(pairId, c.userId(), c.otherId(), c.at()));
            default -> throw new ApiException(ErrorCode.UNKNOWN_RELATIONSHIP);
        }
        return getVersion();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public Long handle(BlockUser c) {
        pairId = c.pairId();
        if (c.userId() == c.otherId()) {
            throw new ApiException(ErrorCode.CANNOT_FRIEND_SELF);
        }
        if (typeOf(c.userId()) != BLOCKED) {
            apply(new UserBlocked(pairId, c.userId(), c.otherId(), c.at()));
        }
        return getVersion();
    }

    private int typeOf(long userId) {
        return types.getOrDefault(userId, NONE);
    }

    @EventSourcingHandler
    void on(FriendRequestSent e) {
        pairId = e.pairId();
        types.put(e.fromId(), OUTGOING);
        types.put(e.toId(), INCOMING);
    }

    @EventSourcingHandler
    void on(FriendRequestAccepted e) {
        types.put(e.accepterId(), FRIEND);
        types.put(e.requesterId(), FRIEND);
    }

    @EventSourcingHandler
    void on(FriendshipRemoved e) {
        types.remove(e.actorId());
        types.remove(e.otherId());
    }

    @EventSourcingHandler
    void on(UserBlocked e) {
        pairId = e.pairId();
        types.put(e.blockerId(), BLOCKED);
        if (typeOf(e.blockedId()) != BLOCKED) {
            types.remove(e.blockedId());
        }
    }

    @EventSourcingHandler
    void on(UserUnblocked e) {
        types.remove(e.blockerId());
    }
}
