package io.parley.voice;

import io.parley.guild.GuildAccess;
import io.parley.guild.GuildEvents.ChannelOverwriteDeleted;
import io.parley.guild.GuildEvents.ChannelOverwriteSet;
import io.parley.guild.GuildEvents.GuildOwnershipTransferred;
import io.parley.guild.GuildEvents.RoleDeleted;
import io.parley.guild.GuildEvents.RoleUpdated;
import io.parley.guild.GuildProjection;
import io.parley.member.MemberEvents.MemberRemoved;
import io.parley.member.MemberEvents.MemberUpdated;
import io.parley.member.MemberEvents.UserBanned;
import io.parley.member.MemberProjection;
import io.parley.permission.Permission;
import io.parley.platform.axon.ReadYourWrites;
import io.parley.voice.VoiceEvents.ServerVoiceChanged;
import io.parley.voice.VoiceEvents.VoiceDisconnected;
import io.parley.voice.VoiceEvents.VoiceMoveRequested;
import io.parley.voice.EnforcementRetries.Key;
import io.parley.voice.EnforcementRetries.Kind;
import io.parley.voice.VoiceEvents.VoiceStateChanged;
import io.vertx.core.Future;
import livekit.LivekitModels.ParticipantPermission;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Pushes moderation and permission changes to LiveKit through RoomService: moves and
 * disconnects remove the participant, server mute/deafen and changed SPEAK/STREAM replace
 * its permissions, lost CONNECT (overwrites, roles, timeouts, kicks, bans) removes it. Runs
 * in a side-effect processor of its own (once per cluster, never replayed) on an Axon thread,
 * where the blocking calls are allowed. A failed call is retried by {@link EnforcementRetries}
 * (off this thread), each retry checking first that the state it enforces still holds.
 */
@ProcessingGroup(VoiceEnforcer.GROUP)
final class VoiceEnforcer {
    static final String GROUP = "voice-enforcer";
    private static final Logger log = LoggerFactory.getLogger(VoiceEnforcer.class);

    private final LiveKitRooms rooms;
    private final VoiceStateQueries states;
    private final GuildAccess access;
    private final ReadYourWrites readYourWrites;
    private final EnforcementRetries retries;
    private final long waitMs;

    VoiceEnforcer(LiveKitRooms rooms, VoiceStateQueries states, GuildAccess access, ReadYourWrites readYourWrites,
                  EnforcementRetries retries, long waitMs) {
        this.rooms = rooms;
        this.states = states;
        this.access = access;
        this.readYourWrites = readYourWrites;
        this.retries = retries;
        this.waitMs = waitMs;
    }

    @EventHandler
    void on(VoiceMoveRequested e) {
        remove(e.guildId(), e.fromChannelId(), e.userId(), e.connectionId());
    }

    @EventHandler
    void on(VoiceDisconnected e) {
        remove(e.guildId(), e.channelId(), e.userId(), e.connectionId());
    }

    /**
     * Lifting both flags; a mute or deafen is pushed by the VoiceStateChanged that follows (one
     * call per change). A retry compares with voice_states: wait (bounded) until it holds this event.
     */
    @EventHandler
    void on(ServerVoiceChanged e, DomainEventMessage<?> message) {
        if (e.mute() || e.deaf()) {
            return;
        }
        caughtUp(VoiceStateProjection.GROUP, message);
        enforce(e.guildId(), e.channelId(), e.userId(), e.connectionId(), e.mute(), e.deaf());
    }

    /** Server mute or deafen set, or a muted or deafened member joining (again). */
    @EventHandler
    void on(VoiceStateChanged e, DomainEventMessage<?> message) {
        if (e.channelId() != null && (e.mute() || e.deaf())) {
            caughtUp(VoiceStateProjection.GROUP, message);
            enforce(e.guildId(), e.channelId(), e.userId(), e.connectionId(), e.mute(), e.deaf());
        }
    }

    @EventHandler
    void on(RoleUpdated e, DomainEventMessage<?> message) {
        guildChanged(e.guildId(), message);
    }

    @EventHandler
    void on(RoleDeleted e, DomainEventMessage<?> message) {
        guildChanged(e.guildId(), message);
    }

    @EventHandler
    void on(GuildOwnershipTransferred e, DomainEventMessage<?> message) {
        guildChanged(e.guildId(), message);
    }

    @EventHandler
    void on(ChannelOverwriteSet e, DomainEventMessage<?> message) {
        caughtUp(GuildProjection.GROUP, message);
        load(states.inChannel(e.channelId())).forEach(this::enforce);
    }

    @EventHandler
    void on(ChannelOverwriteDeleted e, DomainEventMessage<?> message) {
        caughtUp(GuildProjection.GROUP, message);
        load(states.inChannel(e.channelId())).forEach(this::enforce);
    }

    /** Roles or a timeout changed. */
    @EventHandler
    void on(MemberUpdated e, DomainEventMessage<?> message) {
        caughtUp(MemberProjection.GROUP, message);
        load(states.of(e.guildId(), e.userId())).ifPresent(this::enforce);
    }

    @EventHandler
    void on(MemberRemoved e) {
        load(states.of(e.guildId(), e.userId()))
                .ifPresent(s -> remove(s.guildId(), s.channelId(), s.userId(), s.connectionId()));
    }

    @EventHandler
    void on(UserBanned e) {
        load(states.of(e.guildId(), e.userId()))
                .ifPresent(s -> remove(s.guildId(), s.channelId(), s.userId(), s.connectionId()));
    }

    private void guildChanged(long guildId, DomainEventMessage<?> message) {
        caughtUp(GuildProjection.GROUP, message);
        load(states.inGuild(guildId)).forEach(this::enforce);
    }

    private void enforce(VoiceStateRecord s) {
        enforce(s.guildId(), s.channelId(), s.userId(), s.connectionId(), s.mute(), s.deaf());
    }

    private void enforce(long guildId, long channelId, long userId, String connectionId, boolean mute, boolean deaf) {
        long permissions = channelPermissions(channelId, userId);
        if (!Permission.has(permissions, Permission.CONNECT)) {
            removeForLostConnect(guildId, channelId, userId, connectionId);
            return;
        }
        ParticipantPermission wanted = VoicePermissions.of(permissions, mute, deaf);
        String room = VoiceRooms.room(guildId, channelId);
        for (String identity : identities(guildId, channelId, userId, connectionId)) {
            retries.call(new Key(Kind.UPDATE, room, identity), new EnforcementRetries.Call() {
                @Override
                public boolean stillWanted() {
                    return wanted.equals(wantedNow(guildId, channelId, userId));
                }

                @Override
                public void send() throws Exception {
                    rooms.updatePermissions(guildId, channelId, identity, wanted);
                }
            });
        }
    }

    /** What the member's participant in that channel should be allowed now; null when they are not in it. */
    private ParticipantPermission wantedNow(long guildId, long channelId, long userId) {
        VoiceStateRecord s = load(states.of(guildId, userId)).orElse(null);
        if (s == null || s.channelId() != channelId) {
            return null; // left or moved: the update is moot
        }
        long permissions = channelPermissions(channelId, userId);
        return Permission.has(permissions, Permission.CONNECT) ? VoicePermissions.of(permissions, s.mute(), s.deaf())
                : null;
    }

    /** The member ended the connection's place in the room (move, disconnect, kick, ban). */
    private void remove(long guildId, long channelId, long userId, String connectionId) {
        for (String identity : identities(guildId, channelId, userId, connectionId)) {
            removal(guildId, channelId, identity, () -> inRoom(guildId, channelId, userId, identity));
        }
    }

    /** Lost CONNECT: moot once it is back, or once the member is out of that channel. */
    private void removeForLostConnect(long guildId, long channelId, long userId, String connectionId) {
        for (String identity : identities(guildId, channelId, userId, connectionId)) {
            removal(guildId, channelId, identity, () -> inRoom(guildId, channelId, userId, identity)
                    && !Permission.has(channelPermissions(channelId, userId), Permission.CONNECT));
        }
    }

    private interface Check {
        boolean holds() throws Exception;
    }

    private void removal(long guildId, long channelId, String identity, Check stillWanted) {
        retries.call(new Key(Kind.REMOVE, VoiceRooms.room(guildId, channelId), identity), new EnforcementRetries.Call() {
            @Override
            public boolean stillWanted() throws Exception {
                return stillWanted.holds();
            }

            @Override
            public void send() throws Exception {
                rooms.removeParticipant(guildId, channelId, identity);
            }
        });
    }

    /** LiveKit still lists the participant (throws when LiveKit cannot say: the removal is tried). */
    private boolean inRoom(long guildId, long channelId, long userId, String identity) throws Exception {
        return rooms.identitiesOf(guildId, channelId, userId).contains(identity);
    }

    /**
     * The connection the voice state knows and any other the member holds in the same room (API.md
     * lets one user hold several); just the known one when LiveKit cannot list the room.
     */
    private Set<String> identities(long guildId, long channelId, long userId, String connectionId) {
        Set<String> identities = new LinkedHashSet<>();
        identities.add(VoiceRooms.identity(userId, connectionId));
        try {
            identities.addAll(rooms.identitiesOf(guildId, channelId, userId));
        } catch (Exception failure) {
            log.warn("could not list the LiveKit room of channel {}: {}", channelId, failure.toString());
        }
        return identities;
    }

    /** 0 when the member or the channel is gone. */
    private long channelPermissions(long channelId, long userId) {
        try {
            return access.channel(channelId, userId).toCompletionStage().toCompletableFuture()
                    .get(waitMs, TimeUnit.MILLISECONDS).permissions();
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof io.parley.platform.error.ApiException) {
                return 0; // not a member any more, or the channel is gone
            }
            throw new IllegalStateException("permissions of user " + userId + " in channel " + channelId, e);
        } catch (Exception e) {
            throw new IllegalStateException("permissions of user " + userId + " in channel " + channelId, e);
        }
    }

    /** The read tables the permission check reads may trail this event: wait (bounded) for them. */
    private void caughtUp(String group, DomainEventMessage<?> message) {
        try {
            readYourWrites.await(group, message.getAggregateIdentifier(), message.getSequenceNumber())
                    .toCompletionStage().toCompletableFuture().get(waitMs + 1000, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            // go on with what the tables say
        }
    }

    private <T> T load(Future<T> query) {
        try {
            return query.toCompletionStage().toCompletableFuture().get(waitMs, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("voice_states query failed", e);
        }
    }
}
