package io.parley.voice;

import io.parley.guild.ChannelTypes;
import io.parley.guild.GuildEvents.ChannelDeleted;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A deleted voice channel ends its LiveKit room. Runs on an Axon processor thread, where the
 * blocking RoomService call is allowed; every node runs it, and a second delete is harmless.
 */
@ProcessingGroup(VoiceRoomCleaner.GROUP)
final class VoiceRoomCleaner {
    static final String GROUP = "voice-rooms";
    private static final Logger log = LoggerFactory.getLogger(VoiceRoomCleaner.class);

    private final LiveKitRooms rooms;

    VoiceRoomCleaner(LiveKitRooms rooms) {
        this.rooms = rooms;
    }

    @EventHandler
    void on(ChannelDeleted e) {
        if (e.type() != ChannelTypes.GUILD_VOICE) {
            return;
        }
        try {
            rooms.deleteRoom(e.guildId(), e.channelId());
        } catch (Exception failure) {
            // LiveKit down: the room empties itself once its participants' tokens can no longer rejoin
            log.warn("could not end the LiveKit room of deleted channel {}: {}", e.channelId(), failure.toString());
        }
    }
}
