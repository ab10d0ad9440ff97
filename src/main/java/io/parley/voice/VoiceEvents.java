package io.parley.voice;

import io.parley.voice.VoiceCommands.SelfFlags;

import java.time.Instant;

/** One event for every change of a member's voice state; {@code channelId} null means out of voice. */
public final class VoiceEvents {
    private VoiceEvents() {
    }

    public record VoiceStateChanged(String id, long guildId, long userId, Long channelId, String connectionId,
                                    String participantSid, String sessionId, SelfFlags self, boolean mute,
                                    boolean deaf, Instant at) {
    }

    /** A moderator moved the member: LiveKit drops the old participant, the member's session gets a token for the new room. */
    public record VoiceMoveRequested(String id, long guildId, long userId, long fromChannelId, long toChannelId,
                                     String connectionId, String sessionId, SelfFlags self, long actorId,
                                     Instant at) {
    }

    /** A moderator disconnected the member (their state is out of voice in the same unit of work). */
    public record VoiceDisconnected(String id, long guildId, long userId, long channelId, String connectionId,
                                    long actorId, Instant at) {
    }

    /** Server mute/deafen changed (from {@code wasMute}/{@code wasDeaf}) while the member is connected to {@code channelId}. */
    public record ServerVoiceChanged(String id, long guildId, long userId, long channelId, String connectionId,
                                     boolean mute, boolean deaf, boolean wasMute, boolean wasDeaf, long actorId,
                                     Instant at) {
    }

    /** Bookkeeping only: a participant session LiveKit reported gone before Parley saw it join. */
    public record ParticipantEnded(String id, String participantSid) {
    }
}
