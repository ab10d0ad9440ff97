package io.parley.permission;

import java.util.Collection;

import static io.parley.permission.Permission.ADMINISTRATOR;
import static io.parley.permission.Permission.ATTACH_FILES;
import static io.parley.permission.Permission.CONNECT;
import static io.parley.permission.Permission.DEAFEN_MEMBERS;
import static io.parley.permission.Permission.EMBED_LINKS;
import static io.parley.permission.Permission.MENTION_EVERYONE;
import static io.parley.permission.Permission.MOVE_MEMBERS;
import static io.parley.permission.Permission.MUTE_MEMBERS;
import static io.parley.permission.Permission.PRIORITY_SPEAKER;
import static io.parley.permission.Permission.READ_MESSAGE_HISTORY;
import static io.parley.permission.Permission.SEND_MESSAGES;
import static io.parley.permission.Permission.SEND_TTS_MESSAGES;
import static io.parley.permission.Permission.SPEAK;
import static io.parley.permission.Permission.STREAM;
import static io.parley.permission.Permission.USE_VAD;
import static io.parley.permission.Permission.VIEW_CHANNEL;

/**
 * Discord's permission computation. A channel's overwrites are its own: a channel synced to
 * its category carries a copy of the category's, so category sync needs nothing here.
 */
public final class PermissionCalculator {
    private static final long TIMED_OUT_KEEPS = Permission.of(VIEW_CHANNEL, READ_MESSAGE_HISTORY);
    private static final long NEEDS_SEND = Permission.of(MENTION_EVERYONE, SEND_TTS_MESSAGES, ATTACH_FILES, EMBED_LINKS);
    private static final long NEEDS_CONNECT = Permission.of(SPEAK, MUTE_MEMBERS, DEAFEN_MEMBERS, MOVE_MEMBERS, USE_VAD,
            PRIORITY_SPEAKER, STREAM);

    private PermissionCalculator() {
    }

    /** Guild-wide permissions: owner and ADMINISTRATOR get everything; else @everyone plus the member's roles. */
    public static long base(MemberAccess m) {
        if (isOwnerOrAdministrator(m)) {
            return Permission.ALL;
        }
        long permissions = rolePermissions(m);
        return m.timedOut() ? permissions & TIMED_OUT_KEEPS : permissions;
    }

    /**
     * Permissions in one channel: base, then the @everyone overwrite, then all of the member's
     * role overwrites combined, then the member's own overwrite; each level denies then allows.
     */
    public static long inChannel(MemberAccess m, Collection<Overwrite> overwrites) {
        if (isOwnerOrAdministrator(m)) {
            return Permission.ALL;
        }
        long permissions = rolePermissions(m);
        long roleAllow = 0;
        long roleDeny = 0;
        Overwrite everyone = null;
        Overwrite member = null;
        for (Overwrite o : overwrites) {
            if (o.type() == OverwriteType.ROLE && o.id() == m.guildId()) {
                everyone = o;
            } else if (o.type() == OverwriteType.ROLE && m.roleIds().contains(o.id())) {
                roleAllow |= o.allow();
                roleDeny |= o.deny();
            } else if (o.type() == OverwriteType.MEMBER && o.id() == m.userId()) {
                member = o;
            }
        }
        if (everyone != null) {
            permissions = everyone.applyTo(permissions);
        }
        permissions = (permissions & ~roleDeny) | roleAllow;
        if (member != null) {
            permissions = member.applyTo(permissions);
        }
        if (m.timedOut()) {
            permissions &= TIMED_OUT_KEEPS;
        }
        if (!Permission.has(permissions, VIEW_CHANNEL)) {
            return 0;
        }
        if (!Permission.has(permissions, SEND_MESSAGES)) {
            permissions &= ~NEEDS_SEND;
        }
        if (!Permission.has(permissions, CONNECT)) {
            permissions &= ~NEEDS_CONNECT;
        }
        return permissions;
    }

    /** Role hierarchy: the owner manages every role; others only roles strictly below their highest. */
    public static boolean canManageRole(long actorId, long ownerId, int actorHighestPosition, int targetPosition) {
        return actorId == ownerId || actorHighestPosition > targetPosition;
    }

    private static boolean isOwnerOrAdministrator(MemberAccess m) {
        return m.userId() == m.ownerId() || Permission.has(rolePermissions(m), ADMINISTRATOR);
    }

    private static long rolePermissions(MemberAccess m) {
        long permissions = m.rolePermissions().getOrDefault(m.guildId(), 0L);
        for (long roleId : m.roleIds()) {
            permissions |= m.rolePermissions().getOrDefault(roleId, 0L);
        }
        return permissions;
    }
}
