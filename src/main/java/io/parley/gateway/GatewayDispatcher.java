package io.parley.gateway;

import io.parley.account.AccountEvents.ProfileChanged;
import io.parley.guild.ChannelRecord;
import io.parley.emoji.EmojiEvents.Emoji;
import io.parley.emoji.EmojiEvents.EmojiCreated;
import io.parley.emoji.EmojiEvents.EmojiDeleted;
import io.parley.emoji.EmojiEvents.EmojiRenamed;
import io.parley.invite.InviteEvents.InviteCreated;
import io.parley.invite.InviteEvents.InviteDeleted;
import io.parley.guild.GuildEvents.ChannelCreated;
import io.parley.guild.GuildEvents.ChannelDeleted;
import io.parley.guild.GuildEvents.ChannelOverwriteDeleted;
import io.parley.guild.GuildEvents.ChannelOverwriteSet;
import io.parley.guild.GuildEvents.ChannelUpdated;
import io.parley.guild.GuildEvents.ChannelsReordered;
import io.parley.guild.ChannelPosition;
import io.parley.guild.ChannelSettings;
import io.parley.guild.GuildEvents.GuildDeleted;
import io.parley.guild.GuildEvents.GuildOwnershipTransferred;
import io.parley.guild.GuildEvents.GuildUpdated;
import io.parley.guild.GuildEvents.RoleCreated;
import io.parley.guild.GuildEvents.RoleDeleted;
import io.parley.guild.GuildEvents.RolesReordered;
import io.parley.guild.GuildEvents.RoleUpdated;
import io.parley.guild.RoleRecord;
import io.parley.member.MemberEvents.MemberJoined;
import io.parley.member.MemberEvents.MemberRemoved;
import io.parley.member.MemberEvents.MemberUpdated;
import io.parley.member.MemberEvents.UserBanned;
import io.parley.member.MemberEvents.UserUnbanned;
import io.parley.member.MemberIds;
import io.parley.member.MemberProjection;
import io.parley.permission.Permission;
import io.parley.platform.axon.ReadYourWrites;
import io.parley.voice.VoiceEvents.ServerVoiceChanged;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;

import java.util.List;

/**
 * Turns guild-structure and membership events into dispatches for this node's sessions,
 * updating each guild's {@link GuildView} first so the very event that removes access is
 * already filtered by it. Runs in a live processor of its own on every node.
 */
@ProcessingGroup(GatewayDispatcher.GROUP)
final class GatewayDispatcher {
    static final String GROUP = "gateway-dispatch";

    private final Sessions sessions;
    private final Audience audience;
    private final UserDirectory users;
    private final ReadyBuilder readyBuilder;
    private final ReadYourWrites readYourWrites;
    private final MemberUpdates memberUpdates;

    GatewayDispatcher(Sessions sessions, UserDirectory users, ReadyBuilder readyBuilder, ReadYourWrites readYourWrites) {
        this(sessions, users, readyBuilder, readYourWrites, false);
    }

    /** {@code replaying}: a resume's replay on a worker thread, which needs every dispatch before it returns. */
    GatewayDispatcher(Sessions sessions, UserDirectory users, ReadyBuilder readyBuilder, ReadYourWrites readYourWrites,
                      boolean replaying) {
        this.sessions = sessions;
        this.audience = new Audience(sessions);
        this.users = users;
        this.readyBuilder = readyBuilder;
        this.readYourWrites = readYourWrites;
        this.memberUpdates = new MemberUpdates(audience, readyBuilder.members(), readYourWrites, replaying);
    }

    @EventHandler
    void on(GuildUpdated e) {
        JsonObject guild = new JsonObject().put("id", id(e.guildId())).put("name", e.settings().name())
                .put("description", e.settings().description())
                .put("system_channel_id", e.settings().systemChannelId() == null ? null : id(e.settings().systemChannelId()));
        audience.guild(e.guildId(), null, null, Intents.GUILDS, "GUILD_UPDATE", guild.encode());
    }

    @EventHandler
    void on(GuildOwnershipTransferred e) {
        sessions.view(e.guildId()).ifPresent(view -> view.owner(e.newOwnerId()));
        audience.guild(e.guildId(), null, null, Intents.GUILDS, "GUILD_UPDATE",
                new JsonObject().put("id", id(e.guildId())).put("owner_id", id(e.newOwnerId())).encode());
    }

    @EventHandler
    void on(GuildDeleted e) {
        String data = new JsonObject().put("id", id(e.guildId())).encode();
        for (GatewaySession session : List.copyOf(sessions.inGuild(e.guildId()))) {
            session.dispatchOnContext("GUILD_DELETE", data);
            sessions.unsubscribe(session, e.guildId());
        }
    }

    @EventHandler
    void on(RoleCreated e) {
        sessions.view(e.guildId()).ifPresent(view -> {
            view.role(e.roleId(), e.settings().permissions());
            view.roleInserted(e.roleId(), e.position());
        });
        role(e.guildId(), "GUILD_ROLE_CREATE", new RoleRecord(e.roleId(), e.guildId(), e.settings(), e.position()));
    }

    @EventHandler
    void on(RoleUpdated e) {
        sessions.view(e.guildId()).ifPresent(view -> {
            view.role(e.roleId(), e.settings().permissions());
            role(e.guildId(), "GUILD_ROLE_UPDATE",
                    new RoleRecord(e.roleId(), e.guildId(), e.settings(), view.rolePosition(e.roleId())));
        });
    }

    @EventHandler
    void on(RolesReordered e) {
        sessions.view(e.guildId()).ifPresent(view -> view.rolesMoved(e.positions()));
    }

    @EventHandler
    void on(RoleDeleted e) {
        sessions.view(e.guildId()).ifPresent(view -> view.roleRemoved(e.roleId()));
        audience.guild(e.guildId(), null, null, Intents.GUILDS, "GUILD_ROLE_DELETE", new JsonObject()
                .put("guild_id", id(e.guildId())).put("role_id", id(e.roleId())).encode());
    }

    @EventHandler
    void on(ChannelCreated e) {
        ChannelRecord channel = new ChannelRecord(e.channelId(), e.guildId(), e.type(), e.settings(), e.overwrites());
        sessions.view(e.guildId()).ifPresent(view -> view.channel(channel));
        channel(e.guildId(), "CHANNEL_CREATE", channel);
    }

    @EventHandler
    void on(ChannelUpdated e) {
        var before = audience.viewers(e.guildId(), e.channelId());
        sessions.view(e.guildId()).map(view -> view.channelSettings(e.channelId(), e.settings()))
                .ifPresent(channel -> channelChanged(e.guildId(), before, channel));
    }

    @EventHandler
    void on(ChannelOverwriteSet e) {
        var before = audience.viewers(e.guildId(), e.channelId());
        sessions.view(e.guildId()).map(view -> view.overwrite(e.channelId(), e.overwrite()))
                .ifPresent(channel -> channelChanged(e.guildId(), before, channel));
    }

    @EventHandler
    void on(ChannelOverwriteDeleted e) {
        var before = audience.viewers(e.guildId(), e.channelId());
        sessions.view(e.guildId()).map(view -> view.overwriteRemoved(e.channelId(), e.previous().id()))
                .ifPresent(channel -> channelChanged(e.guildId(), before, channel));
    }

    /** Discord sends a CHANNEL_UPDATE for each channel a reorder moved. */
    @EventHandler
    void on(ChannelsReordered e) {
        sessions.view(e.guildId()).ifPresent(view -> {
            for (ChannelPosition move : e.positions()) {
                ChannelRecord current = view.channel(move.channelId());
                if (current == null) {
                    continue;
                }
                ChannelSettings s = current.settings();
                ChannelRecord moved = view.channelSettings(move.channelId(), new ChannelSettings(s.name(), s.topic(),
                        move.position(), move.moveParent() ? move.parentId() : s.parentId(), s.nsfw(),
                        s.rateLimitPerUser(), s.bitrate(), s.userLimit()));
                channel(e.guildId(), "CHANNEL_UPDATE", moved);
            }
        });
    }

    private void channelChanged(long guildId, java.util.Set<Long> viewersBefore, ChannelRecord channel) {
        audience.channelChanged(guildId, channel.id(), viewersBefore, channel.toJson().encode());
    }

    @EventHandler
    void on(ChannelDeleted e) {
        ChannelRecord gone = new ChannelRecord(e.channelId(), e.guildId(), e.type(), e.settings(), List.of());
        audience.guild(e.guildId(), e.channelId(), null, Intents.GUILDS, "CHANNEL_DELETE", gone.toJson().encode());
        sessions.view(e.guildId()).ifPresent(view -> view.channelRemoved(e.channelId()));
    }

    @EventHandler
    void on(MemberJoined e, @SequenceNumber long version) {
        JsonObject member = member(e.guildId(), e.userId(), List.of(), null)
                .put("joined_at", e.at().toString());
        audience.guild(e.guildId(), null, null, Intents.GUILD_MEMBERS, "GUILD_MEMBER_ADD", member.encode());
        var joined = sessions.ofUser(e.userId());
        if (joined.isEmpty()) {
            return;
        }
        readYourWrites.await(MemberProjection.GROUP, MemberIds.of(e.guildId(), e.userId()), version).onComplete(v -> {
            for (GatewaySession session : joined) {
                readyBuilder.guildCreate(e.guildId(), e.userId(), 50).onSuccess(guild -> {
                    if (guild != null) {
                        sessions.subscribe(session, e.guildId());
                        if (session.wants(Intents.GUILDS)) {
                            session.dispatchOnContext("GUILD_CREATE", guild.encode());
                        }
                    }
                });
            }
        });
    }

    @EventHandler
    void on(MemberUpdated e, @SequenceNumber long version) {
        sessions.view(e.guildId()).ifPresent(view -> {
            if (view.isMember(e.userId())) {
                view.member(e.userId(), e.roles(), e.communicationDisabledUntil());
            }
        });
        memberUpdates.changed(e.guildId(), e.userId(), e.memberId(), version);
    }

    /** Server mute/deafen is part of the member object. */
    @EventHandler
    void on(ServerVoiceChanged e, @SequenceNumber long version) {
        memberUpdates.changed(e.guildId(), e.userId(), e.id(), version);
    }

    @EventHandler
    void on(MemberRemoved e) {
        leave(e.guildId(), e.userId());
    }

    @EventHandler
    void on(UserBanned e) {
        audience.guild(e.guildId(), null, Permission.BAN_MEMBERS, Intents.GUILD_MODERATION, "GUILD_BAN_ADD",
                new JsonObject().put("guild_id", id(e.guildId())).put("user", users.user(e.userId())).encode());
        leave(e.guildId(), e.userId());
    }

    @EventHandler
    void on(UserUnbanned e) {
        audience.guild(e.guildId(), null, Permission.BAN_MEMBERS, Intents.GUILD_MODERATION, "GUILD_BAN_REMOVE",
                new JsonObject().put("guild_id", id(e.guildId())).put("user", users.user(e.userId())).encode());
    }

    @EventHandler
    void on(InviteCreated e) {
        audience.guild(e.guildId(), e.channelId(), Permission.MANAGE_CHANNELS, Intents.GUILD_INVITES, "INVITE_CREATE",
                new JsonObject().put("code", e.code()).put("guild_id", id(e.guildId()))
                        .put("channel_id", id(e.channelId())).put("inviter", users.user(e.inviterId()))
                        .put("max_age", e.maxAgeSeconds()).put("max_uses", e.maxUses()).put("temporary", e.temporary())
                        .put("uses", 0).put("created_at", e.at().toString())
                        .put("expires_at", e.expiresAt() == null ? null : e.expiresAt().toString()).encode());
    }

    @EventHandler
    void on(InviteDeleted e) {
        audience.guild(e.guildId(), e.channelId(), Permission.MANAGE_CHANNELS, Intents.GUILD_INVITES, "INVITE_DELETE",
                new JsonObject().put("code", e.code()).put("guild_id", id(e.guildId()))
                        .put("channel_id", id(e.channelId())).encode());
    }

    @EventHandler
    void on(EmojiCreated e) {
        emojisUpdate(e.guildId(), e.emojis());
    }

    @EventHandler
    void on(EmojiRenamed e) {
        emojisUpdate(e.guildId(), e.emojis());
    }

    @EventHandler
    void on(EmojiDeleted e) {
        emojisUpdate(e.guildId(), e.emojis());
    }

    /** The guild's whole emoji set to every member, as Discord sends it (without the creators). */
    private void emojisUpdate(long guildId, List<Emoji> emojis) {
        JsonArray array = new JsonArray();
        for (Emoji emoji : emojis) {
            array.add(new JsonObject().put("id", id(emoji.id())).put("name", emoji.name()).put("roles", new JsonArray())
                    .put("require_colons", true).put("managed", false).put("animated", emoji.animated())
                    .put("available", true));
        }
        audience.guild(guildId, null, null, Intents.GUILD_EXPRESSIONS, "GUILD_EMOJIS_UPDATE",
                new JsonObject().put("guild_id", id(guildId)).put("emojis", array).encode());
    }

    /** The user's own sessions see their profile change. */
    @EventHandler
    void on(ProfileChanged e) {
        audience.users(List.of(e.userId()), 0, "USER_UPDATE", users.user(e.userId()).put("username", e.username())
                .put("global_name", e.globalName()).put("avatar", e.avatar()).encode());
    }

    /** The member is gone: others hear GUILD_MEMBER_REMOVE, the member's own sessions GUILD_DELETE. */
    private void leave(long guildId, long userId) {
        sessions.view(guildId).ifPresent(view -> view.memberRemoved(userId));
        audience.guild(guildId, null, null, Intents.GUILD_MEMBERS, "GUILD_MEMBER_REMOVE",
                new JsonObject().put("guild_id", id(guildId)).put("user", users.user(userId)).encode());
        String data = new JsonObject().put("id", id(guildId)).encode();
        for (GatewaySession session : sessions.ofUser(userId)) {
            if (session.guilds.contains(guildId)) {
                sessions.unsubscribe(session, guildId);
                session.dispatchOnContext("GUILD_DELETE", data);
            }
        }
    }

    private void role(long guildId, String type, RoleRecord role) {
        audience.guild(guildId, null, null, Intents.GUILDS, type,
                new JsonObject().put("guild_id", id(guildId)).put("role", role.toJson()).encode());
    }

    private void channel(long guildId, String type, ChannelRecord channel) {
        audience.guild(guildId, channel.id(), null, Intents.GUILDS, type, channel.toJson().encode());
    }

    private JsonObject member(long guildId, long userId, List<Long> roles, String nick) {
        JsonArray roleIds = new JsonArray();
        roles.forEach(r -> roleIds.add(id(r)));
        return new JsonObject().put("guild_id", id(guildId)).put("user", users.user(userId)).put("roles", roleIds)
                .put("nick", nick).put("deaf", false).put("mute", false).put("flags", 0).put("pending", false);
    }

    static String id(long id) {
        return Long.toString(id);
    }
}
