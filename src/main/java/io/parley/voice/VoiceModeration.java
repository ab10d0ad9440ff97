package io.parley.voice;

import io.parley.guild.Actor;
import io.parley.guild.ChannelTypes;
import io.parley.guild.GuildContext;
import io.parley.http.JsonInput;
import io.parley.member.MemberProjection;
import io.parley.permission.Permission;
import io.parley.platform.error.ApiException;
import io.parley.platform.error.ErrorCode;
import io.parley.voice.VoiceCommands.ModerateVoice;
import io.vertx.core.Future;

import java.time.Instant;

/**
 * The voice part of {@code PATCH /guilds/{g}/members/{u}}: {@code channel_id} moves (MOVE_MEMBERS;
 * the member must be allowed to CONNECT there) or, null, disconnects; {@code mute} and
 * {@code deaf} need MUTE_MEMBERS and DEAFEN_MEMBERS. The member must be connected (400
 * USER_NOT_IN_VOICE). LiveKit is told afterwards by {@link VoiceEnforcer}.
 */
public final class VoiceModeration {
    private final GuildContext g;

    public VoiceModeration(GuildContext g) {
        this.g = g;
    }

    /** The voice fields of a member PATCH; null when it has none. */
    public record Change(boolean move, Long channelId, Boolean mute, Boolean deaf) {
        public static Change from(JsonInput input) {
            boolean move = input.has("channel_id");
            Long channelId = input.snowflake("channel_id");
            Boolean mute = input.raw("mute") == null ? null : input.bool("mute", false);
            Boolean deaf = input.raw("deaf") == null ? null : input.bool("deaf", false);
            return move || mute != null || deaf != null ? new Change(move, channelId, mute, deaf) : null;
        }
    }

    /** Checks what it can before anything changes; then records the change on the member's voice state. */
    public Future<Void> apply(Actor actor, long userId, Change change) {
        if (change == null) {
            return Future.succeededFuture();
        }
        if (change.move()) {
            actor.require(Permission.MOVE_MEMBERS);
        }
        if (change.mute() != null) {
            actor.require(Permission.MUTE_MEMBERS);
        }
        if (change.deaf() != null) {
            actor.require(Permission.DEAFEN_MEMBERS);
        }
        long guildId = actor.guildId();
        Future<Void> target = change.channelId() == null ? Future.succeededFuture()
                : g.access().channel(change.channelId(), userId)
                .recover(failure -> Future.failedFuture(failure instanceof ApiException ? notAVoiceChannel() : failure))
                .<Void>map(channel -> {
                    if (channel.channel().guildId() != guildId || channel.channel().type() != ChannelTypes.GUILD_VOICE) {
                        throw notAVoiceChannel();
                    }
                    if (!Permission.has(channel.permissions(), Permission.CONNECT)) {
                        throw new ApiException(ErrorCode.MISSING_PERMISSIONS,
                                "The member is not allowed to connect to that channel");
                    }
                    return null;
                });
        String id = VoiceCommands.id(guildId, userId);
        return target.compose(v -> g.services().commands().<Long>send(new ModerateVoice(id, guildId, userId,
                        actor.userId(), change.move(), change.channelId(), change.mute(), change.deaf(), Instant.now())))
                // the reply is a member object: it shows the new mute/deaf once the members table has it
                .compose(version -> version < 0 ? Future.<Void>succeededFuture()
                        : g.caughtUp(MemberProjection.GROUP, id, version));
    }

    private static ApiException notAVoiceChannel() {
        return ApiException.invalid("channel_id", "Must be a voice channel of this guild");
    }
}
