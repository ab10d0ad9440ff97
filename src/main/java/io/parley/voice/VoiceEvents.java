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

    /** Bookkeeping only: a participant session LiveKit reported gone before Parley saw it join. */
    public record ParticipantEnded(String id, String participantSid) {
    }
}
