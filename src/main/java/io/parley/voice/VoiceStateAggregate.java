package io.parley.voice;

import io.parley.platform.error.ApiException;
import io.parley.platform.error.ErrorCode;
import io.parley.voice.VoiceCommands.ModerateVoice;
import io.parley.voice.VoiceCommands.RecordParticipantJoined;
import io.parley.voice.VoiceCommands.RecordParticipantLeft;
import io.parley.voice.VoiceCommands.RecordRoomFinished;
import io.parley.voice.VoiceCommands.RecordTrack;
import io.parley.voice.VoiceCommands.SelfFlags;
import io.parley.voice.VoiceCommands.UpdateSelfFlags;
import io.parley.voice.VoiceEvents.ParticipantEnded;
import io.parley.voice.VoiceEvents.ServerVoiceChanged;
import io.parley.voice.VoiceEvents.VoiceDisconnected;
import io.parley.voice.VoiceEvents.VoiceMoveRequested;
import io.parley.voice.VoiceEvents.VoiceStateChanged;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

/**
 * One member's voice state in one guild, fed by LiveKit's webhooks and by moderators. Webhooks
 * may repeat or arrive out of order: a participant session that has left never joins again,
 * and an event older than the last one applied changes nothing. Server mute and deafen outlast
 * a connection, as Discord's do. LiveKit itself is told by {@link VoiceEnforcer}, never from here.
 */
public class VoiceStateAggregate {
    private static final int ENDED_SIDS_KEPT = 16;

    @AggregateIdentifier
    private String id;
    private Long channelId;
    private String connectionId;
    private String participantSid;
    private String sessionId;
    private SelfFlags self = SelfFlags.NONE;
    private boolean mute;
    private boolean deaf;
    private Instant lastAt = Instant.EPOCH;
    private final Deque<String> endedSids = new ArrayDeque<>();

    public VoiceStateAggregate() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public boolean handle(RecordParticipantJoined c) {
        if (endedSids.contains(c.participantSid()) || c.at().isBefore(lastAt)
                || c.participantSid().equals(participantSid) && Long.valueOf(c.channelId()).equals(channelId)) {
            return false;
        }
        apply(new VoiceStateChanged(c.id(), c.guildId(), c.userId(), c.channelId(), c.connectionId(),
                c.participantSid(), c.sessionId(), c.self(), mute, deaf, c.at()));
        return true;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public boolean handle(RecordParticipantLeft c) {
        if (endedSids.contains(c.participantSid())) {
            return false;
        }
        if (!c.participantSid().equals(participantSid) || channelId == null) {
            // a leave for a session not (yet) current: remember it so its late join is ignored
            apply(new ParticipantEnded(c.id(), c.participantSid()));
            return false;
        }
        leave(c.guildId(), c.userId(), c.at());
        return true;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public boolean handle(RecordRoomFinished c) {
        if (channelId == null || channelId != c.channelId() || c.at().isBefore(lastAt)) {
            return false;
        }
        leave(c.guildId(), c.userId(), c.at());
        return true;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public boolean handle(UpdateSelfFlags c) {
        if (channelId == null || c.self().equals(self)) {
            return false;
        }
        apply(new VoiceStateChanged(c.id(), c.guildId(), c.userId(), channelId, connectionId, participantSid,
                sessionId, c.self(), mute, deaf, latest(c.at())));
        return true;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public boolean handle(RecordTrack c) {
        if (channelId == null || !c.participantSid().equals(participantSid) || c.at().isBefore(lastAt)) {
            return false;
        }
        SelfFlags next = c.camera() ? new SelfFlags(self.mute(), self.deaf(), c.published(), self.stream())
                : new SelfFlags(self.mute(), self.deaf(), self.video(), c.published());
        if (next.equals(self)) {
            return false;
        }
        apply(new VoiceStateChanged(c.id(), c.guildId(), c.userId(), channelId, connectionId, participantSid,
                sessionId, next, mute, deaf, c.at()));
        return true;
    }

    /**
     * 400 USER_NOT_IN_VOICE unless connected (Discord's rule for channel_id, mute and deaf alike).
     * Answers the sequence number of the ServerVoiceChanged it applied (what the members table
     * records, so the reply can wait for it), -1 when mute and deaf stay as they were.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(ModerateVoice c) {
        if (channelId == null) {
            throw new ApiException(ErrorCode.USER_NOT_IN_VOICE);
        }
        Instant at = latest(c.at());
        boolean nextMute = c.mute() == null ? mute : c.mute();
        boolean nextDeaf = c.deaf() == null ? deaf : c.deaf();
        long serverVoiceChanged = -1;
        if (nextMute != mute || nextDeaf != deaf) {
            apply(new ServerVoiceChanged(c.id(), c.guildId(), c.userId(), channelId, connectionId, nextMute, nextDeaf,
                    mute, deaf, c.actorId(), at));
            serverVoiceChanged = getVersion();
            apply(new VoiceStateChanged(c.id(), c.guildId(), c.userId(), channelId, connectionId, participantSid,
                    sessionId, self, nextMute, nextDeaf, at));
        }
        if (c.move() && c.channelId() == null) {
            apply(new VoiceDisconnected(c.id(), c.guildId(), c.userId(), channelId, connectionId, c.actorId(), at));
            leave(c.guildId(), c.userId(), at);
        } else if (c.move() && !c.channelId().equals(channelId)) {
            // the state follows LiveKit: participant_left for the old room, participant_joined for the new one
            apply(new VoiceMoveRequested(c.id(), c.guildId(), c.userId(), channelId, c.channelId(), connectionId,
                    sessionId, self, c.actorId(), at));
        }
        return serverVoiceChanged;
    }

    private void leave(long guildId, long userId, Instant at) {
        apply(new VoiceStateChanged(id, guildId, userId, null, null, participantSid, null, SelfFlags.NONE, mute, deaf,
                latest(at)));
    }

    private Instant latest(Instant at) {
        return at.isBefore(lastAt) ? lastAt : at;
    }

    @EventSourcingHandler
    void on(VoiceStateChanged e) {
        id = e.id();
        if (e.channelId() == null) {
            ended(e.participantSid());
        }
        channelId = e.channelId();
        connectionId = e.connectionId();
        participantSid = e.channelId() == null ? null : e.participantSid();
        sessionId = e.sessionId();
        self = e.self();
        mute = e.mute();
        deaf = e.deaf();
        lastAt = e.at();
    }

    @EventSourcingHandler
    void on(ParticipantEnded e) {
        id = e.id();
        ended(e.participantSid());
    }

    private void ended(String sid) {
        if (sid != null && !endedSids.contains(sid)) {
            endedSids.addLast(sid);
            if (endedSids.size() > ENDED_SIDS_KEPT) {
                endedSids.removeFirst();
            }
        }
    }
}
