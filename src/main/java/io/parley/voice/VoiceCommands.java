package io.parley.voice;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Commands of one member's voice state in one guild, keyed {@code guildId:userId}. */
public final class VoiceCommands {
    private VoiceCommands() {
    }

    public static String id(long guildId, long userId) {
        return "voice:" + guildId + ":" + userId; // member aggregates use guildId:userId
    }

    /** LiveKit said the participant joined (webhook); {@code at} is LiveKit's event time. */
    public record RecordParticipantJoined(@TargetAggregateIdentifier String id, long guildId, long userId, long channelId,
                                          String connectionId, String participantSid, String sessionId,
                                          SelfFlags self, Instant at) {
    }

    /** LiveKit said the participant left, or its room finished. */
    public record RecordParticipantLeft(@TargetAggregateIdentifier String id, long guildId, long userId,
                                        String participantSid, Instant at) {
    }

    /** op 4 while already in the channel: only the self flags change. */
    public record UpdateSelfFlags(@TargetAggregateIdentifier String id, long guildId, long userId, SelfFlags self,
                                  Instant at) {
    }

    /** A camera ({@code camera} true) or screen-share track was published or unpublished. */
    public record RecordTrack(@TargetAggregateIdentifier String id, long guildId, long userId, String participantSid,
                              boolean camera, boolean published, Instant at) {
    }

    /**
     * A moderator's PATCH of a member: {@code move} with {@code channelId} moves them (null
     * disconnects); {@code mute}/{@code deaf} (null = unchanged) set server mute/deafen.
     */
    public record ModerateVoice(@TargetAggregateIdentifier String id, long guildId, long userId, long actorId,
                                boolean move, Long channelId, Boolean mute, Boolean deaf, Instant at) {
    }

    /** LiveKit said the room of {@code channelId} finished: whoever is still in it is out of voice. */
    public record RecordRoomFinished(@TargetAggregateIdentifier String id, long guildId, long userId, long channelId,
                                     Instant at) {
    }

    public record SelfFlags(boolean mute, boolean deaf, boolean video, boolean stream) {
        public static final SelfFlags NONE = new SelfFlags(false, false, false, false);
    }
}
