package io.parley.member;

import io.parley.guild.Actor;
import io.parley.guild.GuildContext;
import io.parley.http.Authenticator;
import io.parley.http.JsonInput;
import io.parley.http.PathIds;
import io.parley.http.Query;
import io.parley.http.Replies;
import io.parley.http.RouteModule;
import io.parley.member.MemberCommands.RemoveMember;
import io.parley.member.MemberCommands.UpdateMember;
import io.parley.permission.Permission;
import io.parley.platform.error.ApiException;
import io.parley.platform.error.ErrorCode;
import io.parley.voice.VoiceModeration;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static io.parley.http.Handlers.async;

/** Guild members: list, read, modify (nick, roles, timeout, voice moves and mutes), role add/remove, kick. */
public final class MemberRoutes implements RouteModule {
    private static final long MAX_TIMEOUT_DAYS = 28;
    private final GuildContext g;
    private final VoiceModeration voice;

    public MemberRoutes(GuildContext g) {
        this.g = g;
        this.voice = new VoiceModeration(g);
    }

    @Override
    public void mount(Router api) {
        var auth = g.services().authenticator();
        api.get("/guilds/:guildId/members").handler(auth).handler(async(this::list));
        api.patch("/guilds/:guildId/members/@me").handler(auth).handler(async(this::modifySelf));
        api.get("/guilds/:guildId/members/:userId").handler(auth).handler(async(this::get));
        api.patch("/guilds/:guildId/members/:userId").handler(auth).handler(async(this::modify));
        api.delete("/guilds/:guildId/members/:userId").handler(auth).handler(async(this::kick));
        api.put("/guilds/:guildId/members/:userId/roles/:roleId").handler(auth).handler(async(ctx -> changeRole(ctx, true)));
        api.delete("/guilds/:guildId/members/:userId/roles/:roleId").handler(auth).handler(async(ctx -> changeRole(ctx, false)));
    }

    private Future<?> list(RoutingContext ctx) {
        long guildId = PathIds.of(ctx, "guildId", ErrorCode.UNKNOWN_GUILD);
        int limit = Query.intIn(ctx, "limit", 1, 1000, 1);
        Long afterId = Query.id(ctx, "after");
        long after = afterId == null ? 0 : afterId;
        return g.access().member(guildId, Authenticator.principal(ctx).userId())
                .compose(actor -> g.members().members(guildId, after, limit))
                .compose(members -> {
                    JsonArray list = new JsonArray();
                    members.forEach(m -> list.add(m.toJson()));
                    return Replies.json(ctx, 200, list);
                });
    }

    private Future<?> get(RoutingContext ctx) {
        long guildId = PathIds.of(ctx, "guildId", ErrorCode.UNKNOWN_GUILD);
        long userId = PathIds.of(ctx, "userId", ErrorCode.UNKNOWN_MEMBER);
        return g.access().member(guildId, Authenticator.principal(ctx).userId())
                .compose(actor -> memberJson(ctx, guildId, userId));
    }

    private Future<?> modifySelf(RoutingContext ctx) {
        long guildId = PathIds.of(ctx, "guildId", ErrorCode.UNKNOWN_GUILD);
        JsonInput input = JsonInput.of(ctx);
        String nick = input.optionalString("nick", 1, 32);
        input.done();
        long userId = Authenticator.principal(ctx).userId();
        return g.access().member(guildId, userId).compose(actor -> {
            actor.require(Permission.CHANGE_NICKNAME);
            return current(guildId, userId).compose(member -> update(actor, member,
                    input.has("nick") ? nick : member.nick(), member.roles(), until(member)));
        }).compose(v -> memberJson(ctx, guildId, userId));
    }

    private Future<?> modify(RoutingContext ctx) {
        long guildId = PathIds.of(ctx, "guildId", ErrorCode.UNKNOWN_GUILD);
        long userId = PathIds.of(ctx, "userId", ErrorCode.UNKNOWN_MEMBER);
        JsonInput input = JsonInput.of(ctx);
        String nick = input.optionalString("nick", 1, 32);
        List<Long> roles = roleIds(input);
        Instant timeout = timeout(input);
        VoiceModeration.Change voiceChange = VoiceModeration.Change.from(input);
        input.done();
        return g.access().member(guildId, Authenticator.principal(ctx).userId()).compose(actor ->
                current(guildId, userId).compose(member -> {
                    boolean self = actor.userId() == userId;
                    if (input.has("nick")) {
                        actor.require(self ? Permission.CHANGE_NICKNAME : Permission.MANAGE_NICKNAMES);
                        if (!self) {
                            requireAboveMember(actor, member);
                        }
                    }
                    if (roles != null) {
                        actor.require(Permission.MANAGE_ROLES);
                        Set<Long> changed = new HashSet<>(roles);
                        changed.addAll(member.roles());
                        changed.removeIf(id -> roles.contains(id) && member.roles().contains(id));
                        Set<Long> added = new HashSet<>(roles);
                        added.removeAll(member.roles());
                        return checkRoles(actor, guildId, changed, added).compose(v -> applyModeration(actor, member, input,
                                nick, roles, timeout, voiceChange));
                    }
                    return applyModeration(actor, member, input, nick, null, timeout, voiceChange);
                })).compose(v -> memberJson(ctx, guildId, userId));
    }

    private Future<Void> applyModeration(Actor actor, MemberRecord member, JsonInput input, String nick,
                                         List<Long> roles, Instant timeout, VoiceModeration.Change voiceChange) {
        if (input.has("communication_disabled_until")) {
            actor.require(Permission.MODERATE_MEMBERS);
            requireAboveMember(actor, member);
        }
        return voice.apply(actor, member.user().id(), voiceChange).compose(v -> update(actor, member,
                input.has("nick") ? nick : member.nick(), roles != null ? roles : member.roles(),
                input.has("communication_disabled_until") ? timeout : until(member)));
    }

    private Future<?> changeRole(RoutingContext ctx, boolean add) {
        long guildId = PathIds.of(ctx, "guildId", ErrorCode.UNKNOWN_GUILD);
        long userId = PathIds.of(ctx, "userId", ErrorCode.UNKNOWN_MEMBER);
        long roleId = PathIds.of(ctx, "roleId", ErrorCode.UNKNOWN_ROLE);
        return g.access().member(guildId, Authenticator.principal(ctx).userId()).compose(actor -> {
            actor.require(Permission.MANAGE_ROLES);
            return checkRoles(actor, guildId, Set.of(roleId), add ? Set.of(roleId) : Set.of()).compose(v -> current(guildId, userId)).compose(member -> {
                List<Long> roles = new ArrayList<>(member.roles());
                roles.remove(roleId);
                if (add) {
                    roles.add(roleId);
                }
                return update(actor, member, member.nick(), roles, until(member));
            });
        }).compose(v -> Replies.noContent(ctx));
    }

    private Future<?> kick(RoutingContext ctx) {
        long guildId = PathIds.of(ctx, "guildId", ErrorCode.UNKNOWN_GUILD);
        long userId = PathIds.of(ctx, "userId", ErrorCode.UNKNOWN_MEMBER);
        return g.access().member(guildId, Authenticator.principal(ctx).userId()).compose(actor -> {
            actor.require(Permission.KICK_MEMBERS);
            return current(guildId, userId).compose(member -> {
                requireAboveMember(actor, member);
                String memberId = MemberIds.of(guildId, userId);
                return g.services().commands().<Long>send(new RemoveMember(memberId, actor.userId(), Instant.now()))
                        .compose(version -> g.caughtUp(MemberProjection.GROUP, memberId, version));
            });
        }).compose(v -> Replies.noContent(ctx));
    }

    /** Moderating someone needs a highest role strictly above theirs; nobody moderates the owner. */
    static void requireAboveMember(Actor actor, MemberRecord member) {
        if (member.user().id() == actor.access().ownerId()) {
            throw new ApiException(ErrorCode.MISSING_PERMISSIONS, "Nobody can moderate the guild owner");
        }
        int theirs = member.roles().stream().mapToInt(id -> actor.rolePositions().getOrDefault(id, 0)).max().orElse(0);
        actor.requireAbove(theirs);
    }

    /**
     * Every role given or taken must sit below the caller's highest; a role given must also carry
     * no permission the caller lacks (else MANAGE_ROLES alone would reach any bit through a low role).
     */
    private Future<Void> checkRoles(Actor actor, long guildId, Set<Long> changed, Set<Long> added) {
        for (long roleId : changed) {
            Integer position = actor.rolePositions().get(roleId);
            if (position == null || roleId == guildId) {
                return Future.failedFuture(new ApiException(ErrorCode.UNKNOWN_ROLE));
            }
            actor.requireAbove(position);
        }
        for (long roleId : added) {
            actor.requireGrantable(actor.access().rolePermissions().getOrDefault(roleId, 0L));
        }
        return Future.succeededFuture();
    }

    private Future<Void> update(Actor actor, MemberRecord member, String nick, List<Long> roles, Instant timeout) {
        String memberId = MemberIds.of(member.guildId(), member.user().id());
        return g.services().commands().<Long>send(new UpdateMember(memberId, actor.userId(), nick, List.copyOf(roles),
                        timeout, Instant.now()))
                .compose(version -> g.caughtUp(MemberProjection.GROUP, memberId, version));
    }

    private Future<MemberRecord> current(long guildId, long userId) {
        return g.members().member(guildId, userId)
                .map(member -> member.orElseThrow(() -> new ApiException(ErrorCode.UNKNOWN_MEMBER)));
    }

    private Future<Void> memberJson(RoutingContext ctx, long guildId, long userId) {
        return current(guildId, userId).compose(member -> Replies.json(ctx, 200, member.toJson()));
    }

    private static Instant until(MemberRecord member) {
        return member.communicationDisabledUntil() == null ? null : member.communicationDisabledUntil().toInstant();
    }

    private static List<Long> roleIds(JsonInput input) {
        JsonArray array = input.array("roles");
        if (array == null) {
            return null;
        }
        List<Long> roles = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            try {
                roles.add(Long.parseLong(String.valueOf(array.getValue(i))));
            } catch (NumberFormatException e) {
                input.error("roles." + i, "Must be a snowflake");
            }
        }
        return roles.stream().distinct().toList();
    }

    /** Null clears a timeout; otherwise an ISO-8601 time in the future, at most 28 days ahead. */
    private static Instant timeout(JsonInput input) {
        String raw = input.optionalString("communication_disabled_until", 1, 64);
        if (raw == null) {
            return null;
        }
        try {
            Instant until = java.time.OffsetDateTime.parse(raw).toInstant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
            if (until.isAfter(Instant.now().plus(java.time.Duration.ofDays(MAX_TIMEOUT_DAYS)))) {
                input.error("communication_disabled_until", "A timeout lasts at most 28 days");
            }
            return until;
        } catch (DateTimeParseException e) {
            input.error("communication_disabled_until", "Must be an ISO-8601 timestamp");
            return null;
        }
    }

}
