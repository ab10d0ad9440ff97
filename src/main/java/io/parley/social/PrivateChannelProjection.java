package io.parley.social;

import io.parley.platform.storage.Jdbc;
import io.parley.social.PrivateChannelEvents.GroupDmRenamed;
import io.parley.social.PrivateChannelEvents.PrivateChannelOpened;
import io.parley.social.PrivateChannelEvents.RecipientAdded;
import io.parley.social.PrivateChannelEvents.RecipientRemoved;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;

/** Keeps private_channels and private_channel_recipients. */
@ProcessingGroup(PrivateChannelProjection.GROUP)
public final class PrivateChannelProjection {
    public static final String GROUP = "private-channels";

    private final Jdbc jdbc;

    public PrivateChannelProjection(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(PrivateChannelOpened e) {
        jdbc.update("INSERT INTO private_channels (id, type, owner_id, name, created_at) VALUES (?, ?, ?, ?, ?) "
                + "ON CONFLICT (id) DO NOTHING", e.channelId(), e.type(), e.ownerId(), e.name(), e.at());
        e.recipients().forEach(userId -> add(e.channelId(), userId));
    }

    @EventHandler
    void on(RecipientAdded e) {
        add(e.channelId(), e.userId());
    }

    @EventHandler
    void on(RecipientRemoved e) {
        jdbc.update("DELETE FROM private_channel_recipients WHERE channel_id = ? AND user_id = ?",
                e.channelId(), e.userId());
        if (e.newOwnerId() != null) {
            jdbc.update("UPDATE private_channels SET owner_id = ? WHERE id = ?", e.newOwnerId(), e.channelId());
        }
    }

    @EventHandler
    void on(GroupDmRenamed e) {
        jdbc.update("UPDATE private_channels SET name = ? WHERE id = ?", e.name(), e.channelId());
    }

    private void add(long channelId, long userId) {
        jdbc.update("INSERT INTO private_channel_recipients (channel_id, user_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                channelId, userId);
    }

    @ResetHandler
    void reset() {
        jdbc.update("TRUNCATE private_channels, private_channel_recipients");
    }
}
