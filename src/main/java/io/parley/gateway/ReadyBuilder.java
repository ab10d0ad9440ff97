package io.parley.gateway;

import io.parley.account.AccountQueries;
import io.parley.account.UserRecord;
import io.parley.guild.ChannelRecord;
import io.parley.guild.GuildQueries;
import io.parley.guild.GuildRecord;
import io.parley.guild.RoleRecord;
import io.parley.member.MemberQueries;
import io.parley.member.MemberRecord;
import io.parley.permission.Permission;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/** READY and GUILD_CREATE payloads from the read tables; loading a guild also primes its {@link GuildView}. */
final class ReadyBuilder {
    private final AccountQueries accounts;
    private final GuildQueries guilds;
    private final MemberQueries members;
    private final Sessions sessions;
    private final Presences presences;
    private volatile Function<Long, Future<JsonObject>> extras = userId -> Future.succeededFuture(new JsonObject());
    private volatile Function<Long, Future<JsonArray>> voiceStates = guildId -> Future.succeededFuture(new JsonArray());
    private volatile BiFunction<Long, JsonObject, Future<JsonObject>> expressions = (guildId, json) ->
            Future.succeededFuture(json);

    ReadyBuilder(AccountQueries accounts, GuildQueries guilds, MemberQueries members, Sessions sessions,
                 Presences presences) {
        this.accounts = accounts;
        this.guilds = guilds;
        this.members = members;
        this.sessions = sessions;
        this.presences = presences;
    }

    record Ready(JsonObject data, List<Long> guildIds) {
    }

    MemberQueries members() {
        return members;
    }

    Future<Ready> ready(long userId, String sessionId, String resumeUrl, int version) {
        return accounts.userById(userId).compose(user -> guilds.guildsOf(userId).map(list -> {
            UserRecord self = user.orElseThrow();
            JsonArray stubs = new JsonArray();
            list.forEach(g -> stubs.add(new JsonObject().put("id", Long.toString(g.id())).put("unavailable", true)));
            JsonObject data = new JsonObject()
                    .put("v", version)
                    .put("user", self.toSelfJson())
                    .put("guilds", stubs)
                    .put("session_id", sessionId)
                    .put("session_type", "normal")
                    .put("resume_gateway_url", resumeUrl)
                    .put("application", new JsonObject().put("id", Long.toString(userId)).put("flags", 0))
                    .put("private_channels", new JsonArray())
                    .put("relationships", new JsonArray())
                    .put("read_state", new JsonObject().put("version", 0).put("partial", false)
                            .put("entries", new JsonArray()))
                    .put("user_settings", new JsonObject())
                    .put("presences", new JsonArray())
                    .put("guild_join_requests", new JsonArray())
                    .put("shard", new JsonArray().add(0).add(1));
            return new Ready(data, list.stream().map(GuildRecord::id).toList());
        })).compose(ready -> extras.apply(userId).map(parts -> {
            ready.data().mergeIn(parts);
            return ready;
        }));
    }

    /** Fields other features fill in (private channels, relationships, read state), merged into READY. */
    void extras(Function<Long, Future<JsonObject>> extras) {
        this.extras = extras;
    }

    /** GUILD_CREATE's voice_states: who is connected to the guild's voice channels. */
    void voiceStates(Function<Long, Future<JsonArray>> voiceStates) {
        this.voiceStates = voiceStates;
    }

    /** GUILD_CREATE's emojis and stickers, put into the guild object (and its {@code properties}). */
    void expressions(BiFunction<Long, JsonObject, Future<JsonObject>> expressions) {
        this.expressions = expressions;
    }

    /** GUILD_CREATE for one member's session; empty when they are no longer a member. */
    Future<JsonObject> guildCreate(long guildId, long userId, int largeThreshold) {
        return guilds.guild(guildId).compose(guild -> {
            if (guild.isEmpty()) {
                return Future.succeededFuture(null);
            }
            return guilds.roles(guildId).compose(roles -> guilds.channels(guildId).compose(channels ->
                    members.member(guildId, userId).compose(self -> {
                        if (self.isEmpty()) {
                            return Future.succeededFuture((JsonObject) null);
                        }
                        GuildView view = prime(guild.get(), roles, channels);
                        MemberRecord me = self.get();
                        view.member(userId, me.roles(), until(me));
                        return members.members(guildId, 0, largeThreshold).compose(list ->
                                guilds.memberCount(guildId).compose(count -> presencesOf(list).map(online ->
                                        guildCreate(guild.get(), roles, channels, list, me, count, view, largeThreshold)
                                                .put("presences", online))))
                                .compose(json -> voiceStates.apply(guildId).map(states -> json.put("voice_states", states)))
                                .compose(json -> expressions.apply(guildId, json).map(full -> {
                                    full.getJsonObject("properties").put("emojis", full.getValue("emojis"))
                                            .put("stickers", full.getValue("stickers"));
                                    return full;
                                }));
                    })));
        });
    }

    /** Loads the guild's view with this member in it, without building GUILD_CREATE; false when not a member. */
    Future<Boolean> prime(long guildId, long userId) {
        return guilds.guild(guildId).compose(guild -> guild.isEmpty() ? Future.succeededFuture(false)
                : guilds.roles(guildId).compose(roles -> guilds.channels(guildId).compose(channels ->
                        members.member(guildId, userId).map(self -> {
                            if (self.isEmpty()) {
                                return false;
                            }
                            prime(guild.get(), roles, channels).member(userId, self.get().roles(), until(self.get()));
                            return true;
                        }))));
    }

    private GuildView prime(GuildRecord guild, List<RoleRecord> roles, List<ChannelRecord> channels) {
        return sessions.viewOrPut(guild.id(), () -> {
            GuildView view = new GuildView(guild.id(), guild.ownerId());
            roles.forEach(r -> {
                view.role(r.id(), r.settings().permissions());
                view.rolePosition(r.id(), r.position());
            });
            channels.forEach(view::channel);
            return view;
        });
    }

    private static JsonObject guildCreate(GuildRecord guild, List<RoleRecord> roles, List<ChannelRecord> channels,
                                          List<MemberRecord> list, MemberRecord me, long count, GuildView view,
                                          int largeThreshold) {
        JsonObject json = guild.toJson(roles);
        JsonObject properties = json.copy();
        properties.remove("roles");
        JsonArray visible = new JsonArray();
        channels.stream()
                .filter(c -> Permission.has(view.channelPermissions(me.user().id(), c.id()), Permission.VIEW_CHANNEL))
                .forEach(c -> visible.add(c.toJson()));
        JsonArray memberJson = new JsonArray();
        list.forEach(m -> memberJson.add(m.toJson()));
        if (list.stream().noneMatch(m -> m.user().id() == me.user().id())) {
            memberJson.add(me.toJson());
        }
        return json.put("properties", properties)
                .put("channels", visible)
                .put("members", memberJson)
                .put("member_count", count)
                .put("large", count > largeThreshold)
                .put("joined_at", me.joinedAt().toInstant().toString())
                .put("presences", new JsonArray())
                .put("voice_states", new JsonArray())
                .put("threads", new JsonArray())
                .put("stage_instances", new JsonArray())
                .put("guild_scheduled_events", new JsonArray())
                .put("unavailable", false)
                .put("lazy", true);
    }

    /** PRESENCE_UPDATE payloads of the online members among the guild's first {@code limit}. */
    Future<List<String>> presenceSnapshot(long guildId, int limit) {
        return members.members(guildId, 0, limit).compose(this::presencesOf).map(online -> online.stream()
                .map(presence -> ((JsonObject) presence).copy().put("guild_id", Long.toString(guildId)).encode())
                .toList());
    }

    /** Presences of the listed members who are not offline (as others see them). */
    private Future<JsonArray> presencesOf(List<MemberRecord> list) {
        List<Long> ids = list.stream().map(m -> m.user().id()).toList();
        return presences.visible(ids).map(visible -> {
            JsonArray out = new JsonArray();
            for (long id : ids) {
                JsonObject presence = visible.get(id);
                if (presence != null && !"offline".equals(presence.getString("status"))) {
                    out.add(presence.copy().put("user", new JsonObject().put("id", Long.toString(id))));
                }
            }
            return out;
        });
    }

    private static Instant until(MemberRecord member) {
        return member.communicationDisabledUntil() == null ? null : member.communicationDisabledUntil().toInstant();
    }
}
