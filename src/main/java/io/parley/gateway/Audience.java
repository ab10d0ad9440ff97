package io.parley.gateway;

import io.parley.permission.Permission;

import java.util.Collection;

/**
 * Who may receive one dispatch on this node: sessions in a guild (optionally only those who
 * can see a channel, or who hold a permission), or a fixed set of users; plus the intent.
 */
final class Audience {
    private final Sessions sessions;

    Audience(Sessions sessions) {
        this.sessions = sessions;
    }

    /** Delivers {@code data} to each session of the guild allowed to see it; JSON is built once. */
    void guild(long guildId, Long channelId, Permission needed, int intent, String type, String data) {
        GuildView view = sessions.view(guildId).orElse(null);
        if (view == null) {
            return;
        }
        for (GatewaySession session : sessions.inGuild(guildId)) {
            if (session.wants(intent) && allowed(view, session.userId, channelId, needed)) {
                session.dispatchOnContext(type, data);
            }
        }
    }

    /** Like {@link #guild}, with a second payload for sessions without MESSAGE_CONTENT (content stripped). */
    void guildMessage(long guildId, long channelId, int intent, String type, String full, String stripped,
                      Collection<Long> alwaysFull) {
        GuildView view = sessions.view(guildId).orElse(null);
        if (view == null) {
            return;
        }
        for (GatewaySession session : sessions.inGuild(guildId)) {
            if (session.wants(intent) && allowed(view, session.userId, channelId, Permission.VIEW_CHANNEL)) {
                boolean content = !session.bot || session.wants(Intents.MESSAGE_CONTENT)
                        || alwaysFull.contains(session.userId);
                session.dispatchOnContext(type, content ? full : stripped);
            }
        }
    }

    /** Users on this node who can see the channel now (before an overwrite change is applied). */
    java.util.Set<Long> viewers(long guildId, long channelId) {
        GuildView view = sessions.view(guildId).orElse(null);
        java.util.Set<Long> viewers = new java.util.HashSet<>();
        if (view == null) {
            return viewers;
        }
        for (GatewaySession session : sessions.inGuild(guildId)) {
            if (allowed(view, session.userId, channelId, null)) {
                viewers.add(session.userId);
            }
        }
        return viewers;
    }

    /**
     * A channel changed: who still sees it gets CHANNEL_UPDATE, who lost VIEW_CHANNEL gets
     * CHANNEL_DELETE, who gained it CHANNEL_CREATE, as Discord does.
     */
    void channelChanged(long guildId, long channelId, java.util.Set<Long> viewersBefore, String data) {
        GuildView view = sessions.view(guildId).orElse(null);
        if (view == null) {
            return;
        }
        for (GatewaySession session : sessions.inGuild(guildId)) {
            if (!session.wants(Intents.GUILDS)) {
                continue;
            }
            boolean before = viewersBefore.contains(session.userId);
            boolean now = allowed(view, session.userId, channelId, null);
            if (before || now) {
                session.dispatchOnContext(before && now ? "CHANNEL_UPDATE" : now ? "CHANNEL_CREATE" : "CHANNEL_DELETE", data);
            }
        }
    }

    void users(Collection<Long> userIds, int intent, String type, String data) {
        for (long userId : userIds) {
            for (GatewaySession session : sessions.ofUser(userId)) {
                if (session.wants(intent)) {
                    session.dispatchOnContext(type, data);
                }
            }
        }
    }

    private static boolean allowed(GuildView view, long userId, Long channelId, Permission needed) {
        if (!view.isMember(userId)) {
            return false;
        }
        if (channelId != null) {
            long permissions = view.channelPermissions(userId, channelId);
            return Permission.has(permissions, Permission.VIEW_CHANNEL) && (needed == null || Permission.has(permissions, needed));
        }
        return needed == null || Permission.has(view.guildPermissions(userId), needed);
    }
}
