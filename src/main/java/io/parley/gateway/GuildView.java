package io.parley.gateway;

import io.parley.guild.ChannelRecord;
import io.parley.guild.ChannelSettings;
import io.parley.permission.MemberAccess;
import io.parley.permission.Overwrite;
import io.parley.permission.PermissionCalculator;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the gateway needs to decide, per event, who in one guild may see it: owner, role
 * permissions, channel overwrites, and the roles and timeouts of members connected to this
 * node. Loaded from the read tables when the guild's first session arrives, then kept
 * current by the dispatcher from the event stream in order, before it delivers, so a member
 * who loses access stops receiving at that very event.
 */
final class GuildView {
    private final long guildId;
    private long ownerId;
    private final Map<Long, Long> rolePermissions = new HashMap<>();
    private final Map<Long, Integer> rolePositions = new HashMap<>();
    private final Map<Long, ChannelRecord> channels = new HashMap<>();
    private final Map<Long, Member> members = new HashMap<>();

    record Member(List<Long> roles, Instant timeoutUntil) {
    }

    GuildView(long guildId, long ownerId) {
        this.guildId = guildId;
        this.ownerId = ownerId;
    }

    /** An independent copy (a replay for one session must not change the node's view). */
    synchronized GuildView copy() {
        GuildView copy = new GuildView(guildId, ownerId);
        copy.rolePermissions.putAll(rolePermissions);
        copy.rolePositions.putAll(rolePositions);
        copy.channels.putAll(channels);
        copy.members.putAll(members);
        return copy;
    }

    synchronized void owner(long ownerId) {
        this.ownerId = ownerId;
    }

    synchronized void role(long roleId, long permissions) {
        rolePermissions.put(roleId, permissions);
    }

    /** Where a role sits, so a GUILD_ROLE_UPDATE (whose event has no position) renders the whole role. */
    synchronized void rolePosition(long roleId, int position) {
        rolePositions.put(roleId, position);
    }

    /** A new role at {@code position} pushes those at or above it up by one, as the guild aggregate does. */
    synchronized void roleInserted(long roleId, int position) {
        rolePositions.replaceAll((id, at) -> at >= position && id != guildId ? at + 1 : at);
        rolePositions.put(roleId, position);
    }

    synchronized void rolesMoved(Map<Long, Integer> positions) {
        rolePositions.putAll(positions);
    }

    synchronized int rolePosition(long roleId) {
        return rolePositions.getOrDefault(roleId, 0);
    }

    synchronized void roleRemoved(long roleId) {
        rolePermissions.remove(roleId);
        rolePositions.remove(roleId);
        channels.replaceAll((id, c) -> without(c, roleId));
    }

    synchronized void channel(ChannelRecord channel) {
        channels.put(channel.id(), channel);
    }

    /** The channel with new settings and its current overwrites; null when unknown here. */
    synchronized ChannelRecord channelSettings(long channelId, ChannelSettings settings) {
        ChannelRecord current = channels.get(channelId);
        if (current == null) {
            return null;
        }
        ChannelRecord updated = new ChannelRecord(channelId, guildId, current.type(), settings, current.overwrites());
        channels.put(channelId, updated);
        return updated;
    }

    synchronized ChannelRecord channel(long channelId) {
        return channels.get(channelId);
    }

    synchronized Collection<Long> channelIds() {
        return List.copyOf(channels.keySet());
    }

    synchronized void channelRemoved(long channelId) {
        channels.remove(channelId);
    }

    synchronized ChannelRecord overwrite(long channelId, Overwrite overwrite) {
        return channels.computeIfPresent(channelId, (id, c) -> {
            List<Overwrite> updated = new java.util.ArrayList<>(without(c, overwrite.id()).overwrites());
            updated.add(overwrite);
            return new ChannelRecord(id, guildId, c.type(), c.settings(), List.copyOf(updated));
        });
    }

    synchronized ChannelRecord overwriteRemoved(long channelId, long targetId) {
        return channels.computeIfPresent(channelId, (id, c) -> without(c, targetId));
    }

    private static ChannelRecord without(ChannelRecord c, long targetId) {
        return new ChannelRecord(c.id(), c.guildId(), c.type(), c.settings(),
                c.overwrites().stream().filter(o -> o.id() != targetId).toList());
    }

    synchronized void member(long userId, List<Long> roles, Instant timeoutUntil) {
        members.put(userId, new Member(List.copyOf(roles), timeoutUntil));
    }

    synchronized void memberRemoved(long userId) {
        members.remove(userId);
    }

    synchronized boolean isMember(long userId) {
        return members.containsKey(userId);
    }

    synchronized long guildPermissions(long userId) {
        MemberAccess access = access(userId);
        return access == null ? 0 : PermissionCalculator.base(access);
    }

    /** 0 for a non-member or an unknown channel. */
    synchronized long channelPermissions(long userId, long channelId) {
        MemberAccess access = access(userId);
        ChannelRecord channel = channels.get(channelId);
        return access == null || channel == null ? 0 : PermissionCalculator.inChannel(access, channel.overwrites());
    }

    private MemberAccess access(long userId) {
        Member member = members.get(userId);
        if (member == null) {
            return null;
        }
        boolean timedOut = member.timeoutUntil() != null && member.timeoutUntil().isAfter(Instant.now());
        return new MemberAccess(guildId, ownerId, userId, member.roles(), rolePermissions, timedOut);
    }
}
