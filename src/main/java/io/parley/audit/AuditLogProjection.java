package io.parley.audit;

import io.parley.guild.Change;
import io.parley.guild.ChannelSettings;
import io.parley.guild.GuildEvents.ChannelCreated;
import io.parley.guild.GuildEvents.ChannelDeleted;
import io.parley.guild.GuildEvents.ChannelOverwriteDeleted;
import io.parley.guild.GuildEvents.ChannelOverwriteSet;
import io.parley.guild.GuildEvents.ChannelUpdated;
import io.parley.guild.GuildEvents.GuildDeleted;
import io.parley.guild.GuildEvents.GuildOwnershipTransferred;
import io.parley.guild.GuildEvents.GuildUpdated;
import io.parley.guild.GuildEvents.RoleCreated;
import io.parley.guild.GuildEvents.RoleDeleted;
import io.parley.guild.GuildEvents.RoleUpdated;
import io.parley.guild.RoleSettings;
import io.parley.emoji.EmojiEvents.EmojiCreated;
import io.parley.emoji.EmojiEvents.EmojiDeleted;
import io.parley.emoji.EmojiEvents.EmojiRenamed;
import io.parley.sticker.StickerEvents.Sticker;
import io.parley.sticker.StickerEvents.StickerCreated;
import io.parley.sticker.StickerEvents.StickerDeleted;
import io.parley.sticker.StickerEvents.StickerUpdated;
import io.parley.webhook.WebhookEvents.WebhookCreated;
import io.parley.webhook.WebhookEvents.WebhookDeleted;
import io.parley.webhook.WebhookEvents.WebhookUpdated;
import io.parley.invite.InviteEvents.InviteCreated;
import io.parley.invite.InviteEvents.InviteDeleted;
import io.parley.member.MemberEvents.MemberRemoved;
import io.parley.member.MemberEvents.MemberUpdated;
import io.parley.member.MemberEvents.UserBanned;
import io.parley.member.MemberEvents.UserUnbanned;
import io.parley.permission.Overwrite;
import io.parley.permission.Permission;
import io.parley.platform.axon.AuditReasons;
import io.parley.platform.id.Snowflakes;
import io.parley.platform.storage.Jdbc;
import io.parley.voice.VoiceEvents.ServerVoiceChanged;
import io.parley.voice.VoiceEvents.VoiceDisconnected;
import io.parley.voice.VoiceEvents.VoiceMoveRequested;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds each guild's audit log from the event log: who did what to which target, with the
 * fields before and after. Entry ids are snowflakes of the event time whose low bits come from
 * the event's position, so a replay writes the same ids.
 */
@ProcessingGroup(AuditLogProjection.GROUP)
public final class AuditLogProjection {
    public static final String GROUP = "audit-log";
    private static final long POSITION_BITS = (1L << 22) - 1;

    private final Jdbc jdbc;

    public AuditLogProjection(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(GuildUpdated e, TrackingToken token) {
        record(token, e.guildId(), e.actorId(), e.guildId(), AuditAction.GUILD_UPDATE, changes(e.changes()), null, e.at());
    }

    @EventHandler
    void on(GuildOwnershipTransferred e, TrackingToken token) {
        record(token, e.guildId(), e.actorId(), e.guildId(), AuditAction.GUILD_UPDATE,
                changes(List.of(new Change("owner_id", Long.toString(e.previousOwnerId()), Long.toString(e.newOwnerId())))),
                null, e.at());
    }

    @EventHandler
    void on(RoleCreated e, TrackingToken token) {
        if (e.roleId() != e.guildId()) {
            record(token, e.guildId(), e.actorId(), e.roleId(), AuditAction.ROLE_CREATE, role(e.settings(), false),
                    null, e.at());
        }
    }

    @EventHandler
    void on(RoleUpdated e, TrackingToken token) {
        record(token, e.guildId(), e.actorId(), e.roleId(), AuditAction.ROLE_UPDATE, changes(e.changes()), null, e.at());
    }

    @EventHandler
    void on(RoleDeleted e, TrackingToken token) {
        record(token, e.guildId(), e.actorId(), e.roleId(), AuditAction.ROLE_DELETE, role(e.settings(), true), null,
                e.at());
    }

    @EventHandler
    void on(ChannelCreated e, TrackingToken token) {
        record(token, e.guildId(), e.actorId(), e.channelId(), AuditAction.CHANNEL_CREATE,
                channel(e.type(), e.settings(), false), null, e.at());
    }

    @EventHandler
    void on(ChannelUpdated e, TrackingToken token) {
        record(token, e.guildId(), e.actorId(), e.channelId(), AuditAction.CHANNEL_UPDATE, changes(e.changes()), null,
                e.at());
    }

    @EventHandler
    void on(ChannelDeleted e, TrackingToken token) {
        record(token, e.guildId(), e.actorId(), e.channelId(), AuditAction.CHANNEL_DELETE,
                channel(e.type(), e.settings(), true), null, e.at());
    }

    @EventHandler
    void on(ChannelOverwriteSet e, TrackingToken token) {
        AuditAction action = e.previous() == null ? AuditAction.CHANNEL_OVERWRITE_CREATE : AuditAction.CHANNEL_OVERWRITE_UPDATE;
        List<Change> changes = new ArrayList<>();
        changes.add(new Change("allow", e.previous() == null ? null : Permission.toWire(e.previous().allow()),
                Permission.toWire(e.overwrite().allow())));
        changes.add(new Change("deny", e.previous() == null ? null : Permission.toWire(e.previous().deny()),
                Permission.toWire(e.overwrite().deny())));
        record(token, e.guildId(), e.actorId(), e.channelId(), action, changes(changes), null, e.at());
    }

    @EventHandler
    void on(ChannelOverwriteDeleted e, TrackingToken token) {
        Overwrite o = e.previous();
        record(token, e.guildId(), e.actorId(), e.channelId(), AuditAction.CHANNEL_OVERWRITE_DELETE, changes(List.of(
                new Change("id", Long.toString(o.id()), null), new Change("type", o.type().wire(), null),
                new Change("allow", Permission.toWire(o.allow()), null),
                new Change("deny", Permission.toWire(o.deny()), null))), null, e.at());
    }

    @EventHandler
    void on(ServerVoiceChanged e, TrackingToken token) {
        List<Change> changes = new ArrayList<>();
        if (e.mute() != e.wasMute()) {
            changes.add(new Change("mute", e.wasMute(), e.mute()));
        }
        if (e.deaf() != e.wasDeaf()) {
            changes.add(new Change("deaf", e.wasDeaf(), e.deaf()));
        }
        record(token, e.guildId(), e.actorId(), e.userId(), AuditAction.MEMBER_UPDATE, changes(changes), null, e.at());
    }

    /** Discord leaves the target out and counts moved members; Parley names the member and the channels. */
    @EventHandler
    void on(VoiceMoveRequested e, TrackingToken token) {
        record(token, e.guildId(), e.actorId(), e.userId(), AuditAction.MEMBER_MOVE, changes(List.of(new Change(
                "channel_id", Long.toString(e.fromChannelId()), Long.toString(e.toChannelId())))), null, e.at());
    }

    @EventHandler
    void on(VoiceDisconnected e, TrackingToken token) {
        record(token, e.guildId(), e.actorId(), e.userId(), AuditAction.MEMBER_DISCONNECT, changes(List.of(new Change(
                "channel_id", Long.toString(e.channelId()), null))), null, e.at());
    }

    @EventHandler
    void on(MemberUpdated e, TrackingToken token) {
        boolean onlyRoles = e.changes().stream().allMatch(c -> c.key().equals("roles"));
        record(token, e.guildId(), e.actorId(), e.userId(), onlyRoles ? AuditAction.MEMBER_ROLE_UPDATE
                : AuditAction.MEMBER_UPDATE, changes(e.changes()), null, e.at());
    }

    @EventHandler
    void on(MemberRemoved e, TrackingToken token) {
        if (e.actorId() != e.userId()) {
            record(token, e.guildId(), e.actorId(), e.userId(), AuditAction.MEMBER_KICK, new JsonArray(), null, e.at());
        }
    }

    @EventHandler
    void on(UserBanned e, TrackingToken token) {
        record(token, e.guildId(), e.actorId(), e.userId(), AuditAction.MEMBER_BAN_ADD, new JsonArray(), e.reason(),
                e.at());
    }

    @EventHandler
    void on(UserUnbanned e, TrackingToken token) {
        record(token, e.guildId(), e.actorId(), e.userId(), AuditAction.MEMBER_BAN_REMOVE, new JsonArray(), null, e.at());
    }

    @EventHandler
    void on(InviteCreated e, TrackingToken token) {
        record(token, e.guildId(), e.inviterId(), null, AuditAction.INVITE_CREATE, changes(List.of(
                new Change("code", null, e.code()), new Change("channel_id", null, Long.toString(e.channelId())),
                new Change("max_uses", null, e.maxUses()), new Change("max_age", null, e.maxAgeSeconds()),
                new Change("temporary", null, e.temporary()))), null, e.at());
    }

    @EventHandler
    void on(InviteDeleted e, TrackingToken token) {
        record(token, e.guildId(), e.actorId(), null, AuditAction.INVITE_DELETE, changes(List.of(
                new Change("code", e.code(), null), new Change("channel_id", Long.toString(e.channelId()), null))),
                null, e.at());
    }

    @EventHandler
    void on(EmojiCreated e, TrackingToken token) {
        record(token, e.guildId(), e.emoji().userId(), e.emoji().id(), AuditAction.EMOJI_CREATE,
                changes(List.of(new Change("name", null, e.emoji().name()))), null, e.at());
    }

    @EventHandler
    void on(EmojiRenamed e, TrackingToken token) {
        record(token, e.guildId(), e.actorId(), e.emojiId(), AuditAction.EMOJI_UPDATE,
                changes(List.of(new Change("name", e.oldName(), e.name()))), null, e.at());
    }

    @EventHandler
    void on(EmojiDeleted e, TrackingToken token) {
        record(token, e.guildId(), e.actorId(), e.emojiId(), AuditAction.EMOJI_DELETE,
                changes(List.of(new Change("name", e.name(), null))), null, e.at());
    }

    @EventHandler
    void on(StickerCreated e, TrackingToken token) {
        record(token, e.guildId(), e.sticker().userId(), e.sticker().id(), AuditAction.STICKER_CREATE,
                sticker(e.sticker(), false), null, e.at());
    }

    @EventHandler
    void on(StickerUpdated e, TrackingToken token) {
        List<Change> changes = new java.util.ArrayList<>();
        for (String[] field : new String[][]{{"name", e.before().name(), e.after().name()},
                {"description", e.before().description(), e.after().description()},
                {"tags", e.before().tags(), e.after().tags()}}) {
            if (!java.util.Objects.equals(field[1], field[2])) {
                changes.add(new Change(field[0], field[1], field[2]));
            }
        }
        record(token, e.guildId(), e.actorId(), e.after().id(), AuditAction.STICKER_UPDATE, changes(changes), null,
                e.at());
    }

    @EventHandler
    void on(StickerDeleted e, TrackingToken token) {
        record(token, e.guildId(), e.actorId(), e.sticker().id(), AuditAction.STICKER_DELETE,
                sticker(e.sticker(), true), null, e.at());
    }

    @EventHandler
    void on(WebhookCreated e, TrackingToken token) {
        record(token, e.guildId(), e.creatorId(), e.webhookId(), AuditAction.WEBHOOK_CREATE,
                changes(List.of(new Change("name", null, e.name()), new Change("channel_id", null,
                        Long.toString(e.channelId())), new Change("type", null, 1))), null, e.at());
    }

    @EventHandler
    void on(WebhookUpdated e, TrackingToken token) {
        List<Change> changes = new java.util.ArrayList<>();
        if (!e.before().name().equals(e.after().name())) {
            changes.add(new Change("name", e.before().name(), e.after().name()));
        }
        if (e.before().channelId() != e.after().channelId()) {
            changes.add(new Change("channel_id", Long.toString(e.before().channelId()),
                    Long.toString(e.after().channelId())));
        }
        record(token, e.guildId(), e.actorId(), e.webhookId(), AuditAction.WEBHOOK_UPDATE, changes(changes), null,
                e.at());
    }

    @EventHandler
    void on(WebhookDeleted e, TrackingToken token) {
        record(token, e.guildId(), e.actorId(), e.webhookId(), AuditAction.WEBHOOK_DELETE,
                changes(List.of(new Change("name", e.name(), null), new Change("channel_id",
                        Long.toString(e.channelId()), null), new Change("type", 1, null))), null, e.at());
    }

    private static JsonArray sticker(Sticker s, boolean deleted) {
        return changes(asChanges(deleted, List.of(new Object[]{"name", s.name()},
                new Object[]{"description", s.description()}, new Object[]{"tags", s.tags()},
                new Object[]{"format_type", s.formatType()})));
    }

    @EventHandler
    void on(GuildDeleted e) {
        jdbc.update("DELETE FROM audit_log WHERE guild_id = ?", e.guildId());
    }

    @ResetHandler
    void reset() {
        jdbc.update("TRUNCATE audit_log");
    }

    private void record(TrackingToken token, long guildId, long actorId, Object targetId, AuditAction action,
                        JsonArray changes, String reason, Instant at) {
        long position = token == null ? 0 : token.position().orElse(0);
        long id = Snowflakes.lowestAt(at) | (position & POSITION_BITS);
        jdbc.update("""
                INSERT INTO audit_log (id, guild_id, user_id, target_id, action_type, changes, reason, created_at)
                VALUES (?, ?, ?, ?, ?, ?::jsonb, ?, ?) ON CONFLICT (id) DO NOTHING""",
                id, guildId, actorId, targetId == null ? null : targetId.toString(), action.type(), changes.encode(),
                reason != null ? reason : AuditReasons.ofCurrentEvent(), at);
    }

    private static JsonArray changes(List<Change> changes) {
        JsonArray array = new JsonArray();
        for (Change c : changes) {
            JsonObject change = new JsonObject().put("key", c.key());
            if (c.oldValue() != null) {
                change.put("old_value", c.oldValue());
            }
            if (c.newValue() != null) {
                change.put("new_value", c.newValue());
            }
            array.add(change);
        }
        return array;
    }

    private static JsonArray role(RoleSettings s, boolean deleted) {
        return changes(asChanges(deleted, List.of(new Object[]{"name", s.name()}, new Object[]{"color", s.color()},
                new Object[]{"hoist", s.hoist()}, new Object[]{"mentionable", s.mentionable()},
                new Object[]{"permissions", Permission.toWire(s.permissions())})));
    }

    private static JsonArray channel(int type, ChannelSettings s, boolean deleted) {
        return changes(asChanges(deleted, List.of(new Object[]{"name", s.name()}, new Object[]{"type", type},
                new Object[]{"position", s.position()},
                new Object[]{"parent_id", s.parentId() == null ? null : s.parentId().toString()},
                new Object[]{"nsfw", s.nsfw()})));
    }

    /** A creation shows only new values, a deletion only old ones. */
    private static List<Change> asChanges(boolean deleted, List<Object[]> fields) {
        return fields.stream().filter(f -> f[1] != null)
                .map(f -> deleted ? new Change((String) f[0], f[1], null) : new Change((String) f[0], null, f[1]))
                .toList();
    }
}
