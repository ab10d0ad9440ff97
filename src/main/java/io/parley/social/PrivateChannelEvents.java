package io.parley.social;

import java.time.Instant;
import java.util.List;

/** What happened to a DM or group DM. */
public final class PrivateChannelEvents {
    private PrivateChannelEvents() {
    }

    public record PrivateChannelOpened(long channelId, int type, Long ownerId, List<Long> recipients, String name,
                                       Instant at) {
    }

    public record RecipientAdded(long channelId, long userId, long actorId, Instant at) {
    }

    /** newOwnerId is set when the owner left and ownership passed on. */
    public record RecipientRemoved(long channelId, long userId, long actorId, Long newOwnerId, Instant at) {
    }

    public record GroupDmRenamed(long channelId, String name, long actorId, Instant at) {
    }
}
