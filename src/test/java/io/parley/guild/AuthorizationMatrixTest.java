package io.parley.guild;

import io.parley.platform.error.ErrorCode;
import io.parley.testing.ApiClient;
import io.parley.testing.ApiClient.Account;
import io.parley.testing.ApiClient.Reply;
import io.parley.testing.SharedParley;
import io.parley.testing.TestParley;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.parley.platform.error.ErrorCode.MISSING_ACCESS;
import static io.parley.platform.error.ErrorCode.MISSING_PERMISSIONS;
import static io.parley.platform.error.ErrorCode.OWNER_CANNOT_LEAVE;
import static io.parley.platform.error.ErrorCode.UNAUTHORIZED;
import static io.parley.platform.error.ErrorCode.UNKNOWN_CHANNEL;
import static io.parley.platform.error.ErrorCode.UNKNOWN_GUILD;
import static io.parley.platform.error.ErrorCode.UNKNOWN_INVITE;
import static io.parley.testing.ApiClient.API;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every guild, channel, role, member, ban, invite and audit-log route, called over HTTP by four
 * callers: no token, a registered outsider, a member holding only a reduced @everyone, and the owner.
 * Each route is one row; each row runs its callers least privileged first, so a destructive owner
 * call never runs before the others have been refused. Destructive rows get targets of their own.
 */
@ExtendWith(SharedParley.class)
class AuthorizationMatrixTest {
    private static final String PASSWORD = "correct horse battery";
    /** The VIEW_CHANNEL bit: @everyone is cut down to it, so the member sees channels and may do nothing else. */
    private static final String VIEW_CHANNEL = "1024";

    enum Caller { NONE, STRANGER, MEMBER, OWNER }

    /** An HTTP status, and for an error the `code` the body must carry. */
    record Expect(int status, String code) {
        static Expect ok(int status) {
            return new Expect(status, null);
        }

        static Expect error(ErrorCode code) {
            return new Expect(code.status(), code.name());
        }

        String describe() {
            return code == null ? Integer.toString(status) : status + " " + code;
        }
    }

    /** One route; {placeholders} in path and body name ids made in {@link #setUp}. */
    record Route(String method, String path, String body, Map<Caller, Expect> expected) {
    }

    private ApiClient api;
    private final Map<Caller, String> tokens = new EnumMap<>(Caller.class);
    private final Map<String, String> ids = new HashMap<>();

    private static List<Route> routes() {
        Expect ok = Expect.ok(200);
        Expect created = Expect.ok(201);
        Expect noContent = Expect.ok(204);
        Expect guild404 = Expect.error(UNKNOWN_GUILD);
        Expect channel404 = Expect.error(UNKNOWN_CHANNEL);
        Expect forbidden = Expect.error(MISSING_PERMISSIONS);
        Expect hidden = Expect.error(MISSING_ACCESS);
        return List.of(
                // guilds
                route("POST", "/guilds", "{\"name\":\"made by caller\"}", created, created, created),
                route("GET", "/users/@me/guilds", null, ok, ok, ok),
                route("GET", "/guilds/{guild}", null, guild404, ok, ok),
                route("PATCH", "/guilds/{guild}", "{\"name\":\"matrix renamed\"}", guild404, forbidden, ok),
                route("DELETE", "/guilds/{doomedGuild}", null, guild404, forbidden, noContent),
                route("POST", "/guilds/{doomedGuild2}/delete", null, guild404, forbidden, noContent),
                // any member may leave; the owner is refused by design and must transfer or delete instead
                route("DELETE", "/users/@me/guilds/{leaveGuild}", null, guild404, noContent,
                        Expect.error(OWNER_CANNOT_LEAVE)),
                // channels
                route("GET", "/guilds/{guild}/channels", null, guild404, ok, ok),
                route("POST", "/guilds/{guild}/channels", "{\"name\":\"created\"}", guild404, forbidden, created),
                route("PATCH", "/guilds/{guild}/channels", "[{\"id\":\"{channel}\",\"position\":0}]",
                        guild404, forbidden, noContent),
                route("GET", "/channels/{channel}", null, channel404, ok, ok),
                route("GET", "/channels/{hidden}", null, channel404, hidden, ok),
                route("PATCH", "/channels/{channel}", "{\"topic\":\"new topic\"}", channel404, forbidden, ok),
                route("PATCH", "/channels/{hidden}", "{\"topic\":\"new topic\"}", channel404, hidden, ok),
                route("DELETE", "/channels/{doomedChannel}", null, channel404, forbidden, ok),
                route("PUT", "/channels/{channel}/permissions/{bystander}",
                        "{\"type\":1,\"allow\":\"0\",\"deny\":\"2048\"}", channel404, forbidden, noContent),
                route("DELETE", "/channels/{channel}/permissions/{role}", null, channel404, forbidden, noContent),
                // roles
                route("GET", "/guilds/{guild}/roles", null, guild404, ok, ok),
                route("POST", "/guilds/{guild}/roles", "{\"name\":\"created\"}", guild404, forbidden, ok),
                route("PATCH", "/guilds/{guild}/roles", "[{\"id\":\"{role}\",\"position\":1}]",
                        guild404, forbidden, ok),
                route("PATCH", "/guilds/{guild}/roles/{role}", "{\"name\":\"renamed\"}", guild404, forbidden, ok),
                route("DELETE", "/guilds/{guild}/roles/{doomedRole}", null, guild404, forbidden, noContent),
                // members
                route("GET", "/guilds/{guild}/members", null, guild404, ok, ok),
                route("GET", "/guilds/{guild}/members/{owner}", null, guild404, ok, ok),
                route("PATCH", "/guilds/{guild}/members/@me", "{\"nick\":\"me\"}", guild404, forbidden, ok),
                route("PATCH", "/guilds/{guild}/members/{bystander}", "{\"nick\":\"renamed\"}",
                        guild404, forbidden, ok),
                route("PUT", "/guilds/{guild}/members/{bystander}/roles/{role}", null, guild404, forbidden, noContent),
                route("DELETE", "/guilds/{guild}/members/{bystander}/roles/{role}", null,
                        guild404, forbidden, noContent),
                route("DELETE", "/guilds/{guild}/members/{victim}", null, guild404, forbidden, noContent),
                // bans
                route("GET", "/guilds/{guild}/bans", null, guild404, forbidden, ok),
                route("GET", "/guilds/{guild}/bans/{banned}", null, guild404, forbidden, ok),
                route("PUT", "/guilds/{guild}/bans/{banTarget}", "{}", guild404, forbidden, noContent),
                route("DELETE", "/guilds/{guild}/bans/{unbanned}", null, guild404, forbidden, noContent),
                // invites
                route("POST", "/channels/{channel}/invites", "{}", channel404, forbidden, ok),
                route("GET", "/channels/{channel}/invites", null, channel404, forbidden, ok),
                route("GET", "/guilds/{guild}/invites", null, guild404, forbidden, ok),
                // looking an invite up needs no login, so even the caller without a token gets 200
                new Route("GET", "/invites/{joinGuildInvite}", null, Map.of(
                        Caller.NONE, ok, Caller.STRANGER, ok, Caller.MEMBER, ok, Caller.OWNER, ok)),
                // accepting is how an outsider joins (its own guild, so the outsider stays out of the others)
                route("POST", "/invites/{joinGuildInvite}", null, ok, ok, ok),
                // the code hides the invite's existence from outsiders with UNKNOWN_INVITE, not UNKNOWN_CHANNEL
                route("DELETE", "/invites/{doomedInvite}", null, Expect.error(UNKNOWN_INVITE), forbidden, ok),
                // audit log
                route("GET", "/guilds/{guild}/audit-logs", null, guild404, forbidden, ok));
    }

    private static Route route(String method, String path, String body, Expect stranger, Expect member, Expect owner) {
        return new Route(method, path, body, Map.of(Caller.NONE, Expect.error(UNAUTHORIZED),
                Caller.STRANGER, stranger, Caller.MEMBER, member, Caller.OWNER, owner));
    }

    @TestFactory
    Stream<DynamicTest> everyRouteAsEveryCaller(TestParley parley) {
        api = parley.client();
        setUp();
        return routes().stream().flatMap(route -> Stream.of(Caller.values()).map(caller -> {
            String name = route.method() + " " + route.path() + " as " + caller.name().toLowerCase();
            return DynamicTest.dynamicTest(name, () -> check(name, route, caller));
        }));
    }

    private void check(String name, Route route, Caller caller) {
        String body = route.body() == null ? null : fill(route.body());
        Reply reply = api.send(route.method(), API + fill(route.path()), body, tokens.get(caller));
        String actual = reply.status() < 400 ? Integer.toString(reply.status()) : reply.status() + " " + code(reply);
        assertEquals(route.expected().get(caller).describe(), actual, () -> name + " answered "
                + reply.body().substring(0, Math.min(300, reply.body().length())));
    }

    private static String code(Reply reply) {
        try {
            return reply.errorCode();
        } catch (RuntimeException notAnErrorObject) {
            return "<no code>";
        }
    }

    private String fill(String template) {
        String filled = template;
        for (Map.Entry<String, String> id : ids.entrySet()) {
            filled = filled.replace("{" + id.getKey() + "}", id.getValue());
        }
        return filled;
    }

    private void setUp() {
        Account owner = api.register(PASSWORD);
        Account member = api.register(PASSWORD);
        tokens.put(Caller.STRANGER, api.register(PASSWORD).token());
        tokens.put(Caller.MEMBER, member.token());
        tokens.put(Caller.OWNER, owner.token());
        ids.put("owner", owner.id());

        String guild = newGuild(owner, "authz matrix");
        String channel = firstChannel(guild, owner);
        ids.put("guild", guild);
        ids.put("channel", channel);
        String invite = invite(channel, owner, "{}");
        join(invite, member);
        // bystander: target of nick and role changes; victim: kicked
        ids.put("bystander", join(invite, api.register(PASSWORD)).id());
        ids.put("victim", join(invite, api.register(PASSWORD)).id());
        ok(api.patch(API + "/guilds/" + guild + "/roles/" + guild,
                new JsonObject().put("permissions", VIEW_CHANNEL), owner.token()));

        ids.put("role", ok(api.post(API + "/guilds/" + guild + "/roles",
                new JsonObject().put("name", "managed"), owner.token())).getString("id"));
        ids.put("doomedRole", ok(api.post(API + "/guilds/" + guild + "/roles",
                new JsonObject().put("name", "doomed"), owner.token())).getString("id"));
        ids.put("hidden", ok(api.post(API + "/guilds/" + guild + "/channels", new JsonObject().put("name", "hidden")
                .put("permission_overwrites", new JsonArray().add(new JsonObject()
                        .put("id", guild).put("type", 0).put("deny", VIEW_CHANNEL))), owner.token())).getString("id"));
        ids.put("doomedChannel", ok(api.post(API + "/guilds/" + guild + "/channels",
                new JsonObject().put("name", "doomed"), owner.token())).getString("id"));
        ok(api.send("PUT", API + "/channels/" + channel + "/permissions/" + ids.get("role"),
                new JsonObject().put("type", 0).put("deny", "2048"), owner.token()));

        ids.put("banTarget", api.register(PASSWORD).id());
        for (String banned : List.of("banned", "unbanned")) {
            ids.put(banned, api.register(PASSWORD).id());
            ok(api.send("PUT", API + "/guilds/" + guild + "/bans/" + ids.get(banned), new JsonObject(), owner.token()));
        }
        // unique: otherwise the server hands back the join invite, which other rows still need
        ids.put("doomedInvite", invite(channel, owner, "{\"unique\":true}"));

        // Rows that end a guild or a membership, or let the outsider in, each get a guild of their own.
        for (String name : List.of("doomedGuild", "doomedGuild2", "leaveGuild", "joinGuild")) {
            String other = newGuild(owner, name);
            String code = invite(firstChannel(other, owner), owner, "{}");
            join(code, member);
            ids.put(name, other);
            ids.put(name + "Invite", code);
        }
    }

    private String newGuild(Account owner, String name) {
        return ok(api.post(API + "/guilds", new JsonObject().put("name", name), owner.token())).getString("id");
    }

    private String firstChannel(String guild, Account caller) {
        Reply reply = api.get(API + "/guilds/" + guild + "/channels", caller.token());
        assertEquals(200, reply.status(), reply.body());
        return new JsonArray(reply.body()).getJsonObject(0).getString("id");
    }

    private String invite(String channel, Account owner, String body) {
        return ok(api.post(API + "/channels/" + channel + "/invites", body, owner.token())).getString("code");
    }

    private Account join(String code, Account account) {
        ok(api.post(API + "/invites/" + code, null, account.token()));
        return account;
    }

    /** Set-up calls must succeed; returns the body as an object, or an empty one for 204. */
    private static JsonObject ok(Reply reply) {
        if (reply.status() >= 300) {
            throw new IllegalStateException("set-up call failed: " + reply.status() + " " + reply.body());
        }
        return reply.body().isEmpty() ? new JsonObject() : reply.json();
    }
}
