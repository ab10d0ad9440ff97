package io.parley.social;

import io.parley.platform.storage.Jdbc;
import io.parley.social.RelationshipEvents.FriendRequestAccepted;
import io.parley.social.RelationshipEvents.FriendRequestSent;
import io.parley.social.RelationshipEvents.FriendshipRemoved;
import io.parley.social.RelationshipEvents.UserBlocked;
import io.parley.social.RelationshipEvents.UserUnblocked;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;

import java.time.Instant;

/** Keeps the relationships table: one row per direction. */
@ProcessingGroup(RelationshipProjection.GROUP)
public final class RelationshipProjection {
    public static final String GROUP = "relationships";

    private final Jdbc jdbc;

    public RelationshipProjection(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(FriendRequestSent e) {
        put(e.fromId(), e.toId(), RelationshipTypes.OUTGOING, e.at());
        put(e.toId(), e.fromId(), RelationshipTypes.INCOMING, e.at());
    }

    @EventHandler
    void on(FriendRequestAccepted e) {
        put(e.accepterId(), e.requesterId(), RelationshipTypes.FRIEND, e.at());
        put(e.requesterId(), e.accepterId(), RelationshipTypes.FRIEND, e.at());
    }

    @EventHandler
    void on(FriendshipRemoved e) {
        jdbc.update("DELETE FROM relationships WHERE (user_id = ? AND other_id = ?) OR (user_id = ? AND other_id = ?)",
                e.actorId(), e.otherId(), e.otherId(), e.actorId());
    }

    @EventHandler
    void on(UserBlocked e) {
        put(e.blockerId(), e.blockedId(), RelationshipTypes.BLOCKED, e.at());
        jdbc.update("DELETE FROM relationships WHERE user_id = ? AND other_id = ? AND type <> ?",
                e.blockedId(), e.blockerId(), RelationshipTypes.BLOCKED);
    }

    @EventHandler
    void on(UserUnblocked e) {
        jdbc.update("DELETE FROM relationships WHERE user_id = ? AND other_id = ?", e.blockerId(), e.blockedId());
    }

    private void put(long userId, long otherId, int type, Instant since) {
        jdbc.update("""
                INSERT INTO relationships (user_id, other_id, type, since) VALUES (?, ?, ?, ?)
                ON CONFLICT (user_id, other_id) DO UPDATE SET type = EXCLUDED.type, since = EXCLUDED.since""",
                userId, otherId, type, since);
    }

    @ResetHandler
    void reset() {
        jdbc.update("TRUNCATE relationships");
    }
}
