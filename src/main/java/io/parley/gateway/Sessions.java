package io.parley.gateway;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** This node's gateway sessions, by id (for RESUME), by user and by guild (for dispatch), with guild views. */
final class Sessions {
    private final Map<String, GatewaySession> byId = new ConcurrentHashMap<>();
    private final Map<Long, Set<GatewaySession>> byUser = new ConcurrentHashMap<>();
    private final Map<Long, Set<GatewaySession>> byGuild = new ConcurrentHashMap<>();
    private final Map<Long, GuildView> views = new ConcurrentHashMap<>();
    private volatile Topics topics = Topics.NONE;

    /** Told when this node starts or stops holding sessions of a user or guild (cluster topics). */
    interface Topics {
        Topics NONE = new Topics() {
            @Override
            public void watch(String topic) {
            }

            @Override
            public void unwatch(String topic) {
            }
        };

        void watch(String topic);

        void unwatch(String topic);
    }

    void watchWith(Topics topics) {
        this.topics = topics;
    }

    void add(GatewaySession session) {
        byId.put(session.id, session);
        byUser.compute(session.userId, (k, set) -> {
            if (set == null) {
                set = ConcurrentHashMap.newKeySet();
                topics.watch(DispatchTopics.user(session.userId));
            }
            set.add(session);
            return set;
        });
    }

    void subscribe(GatewaySession session, long guildId) {
        session.guilds.add(guildId);
        byGuild.compute(guildId, (k, set) -> {
            if (set == null) {
                set = ConcurrentHashMap.newKeySet();
                topics.watch(DispatchTopics.guild(guildId));
            }
            set.add(session);
            return set;
        });
    }

    void unsubscribe(GatewaySession session, long guildId) {
        session.guilds.remove(guildId);
        Set<GatewaySession> members = byGuild.get(guildId);
        if (members != null) {
            members.remove(session);
            if (members.isEmpty() && byGuild.remove(guildId, members)) {
                views.remove(guildId);
                topics.unwatch(DispatchTopics.guild(guildId));
            }
        }
    }

    void remove(GatewaySession session) {
        byId.remove(session.id);
        Set<GatewaySession> own = byUser.get(session.userId);
        if (own != null) {
            own.remove(session);
            if (own.isEmpty() && byUser.remove(session.userId, own)) {
                topics.unwatch(DispatchTopics.user(session.userId));
            }
        }
        List.copyOf(session.guilds).forEach(guildId -> unsubscribe(session, guildId));
    }

    Optional<GatewaySession> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    Collection<GatewaySession> ofUser(long userId) {
        return byUser.getOrDefault(userId, Set.of());
    }

    Collection<GatewaySession> inGuild(long guildId) {
        return byGuild.getOrDefault(guildId, Set.of());
    }

    Collection<GatewaySession> all() {
        return byId.values();
    }

    Optional<GuildView> view(long guildId) {
        return Optional.ofNullable(views.get(guildId));
    }

    GuildView viewOrPut(long guildId, java.util.function.Supplier<GuildView> loader) {
        return views.computeIfAbsent(guildId, k -> loader.get());
    }

    int count() {
        return byId.size();
    }
}
