package io.parley.guild;

import io.parley.permission.Permission;
import io.parley.testing.ApiClient;
import io.parley.testing.ApiClient.Account;
import io.parley.testing.ApiClient.Reply;
import io.parley.testing.SharedParley;
import io.parley.testing.TestParley;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import static io.parley.testing.ApiClient.API;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Nobody hands out a permission they do not hold: for every permission bit, a manager holding
 * MANAGE_ROLES, MANAGE_CHANNELS and MANAGE_MESSAGES on top of the default @everyone, with EMBED_LINKS denied to
 * them in the channel, tries to grant that one bit through each granting route. Bits they hold
 * (in the channel for overwrites, guild-wide for roles) go through; every other bit is refused
 * with 403 MISSING_PERMISSIONS.
 */
@ExtendWith(SharedParley.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GrantMatrixTest {
    private static final String PASSWORD = "correct horse battery";
    private static final long MANAGER_PERMISSIONS = Permission.of(Permission.MANAGE_ROLES, Permission.MANAGE_CHANNELS,
            Permission.MANAGE_MESSAGES);
    private static final long GUILD_HELD = Permission.EVERYONE_DEFAULT | MANAGER_PERMISSIONS;
    private static final long CHANNEL_HELD = GUILD_HELD & ~Permission.EMBED_LINKS.bit();

    private ApiClient api;
    private Account owner;
    private Account manager;
    private Account target;
    private Account roleManager;
    private String guild;
    private String channel;
    private String editableRole;
    private final Map<Permission, String> roleWithBit = new HashMap<>();

    @BeforeAll
    void setUp(TestParley parley) {
        api = parley.client();
        owner = api.register(PASSWORD);
        manager = api.register(PASSWORD);
        target = api.register(PASSWORD);
        roleManager = api.register(PASSWORD);
        guild = ok(api.post(API + "/guilds", new JsonObject().put("name", "grant matrix"), owner.token())).getString("id");
        channel = api.get(API + "/guilds/" + guild + "/channels", owner.token()).jsonArray().getJsonObject(0).getString("id");
        String invite = ok(api.post(API + "/channels/" + channel + "/invites", "{}", owner.token())).getString("code");
        ok(api.post(API + "/invites/" + invite, null, manager.token()));
        ok(api.post(API + "/invites/" + invite, null, target.token()));
        ok(api.post(API + "/invites/" + invite, null, roleManager.token()));
        // a new role lands at position 1, below every earlier one: the manager's is made first
        String managerRole = role("manager", MANAGER_PERMISSIONS);
        editableRole = role("editable", 0);
        for (Permission p : Permission.values()) {
            roleWithBit.put(p, role("holds " + p.name(), p.bit()));
        }
        ok(api.put(API + "/guilds/" + guild + "/members/" + manager.id() + "/roles/" + managerRole, null, owner.token()));
        String onlyManageRoles = role("only manage roles", Permission.MANAGE_ROLES.bit());
        ok(api.put(API + "/guilds/" + guild + "/members/" + roleManager.id() + "/roles/" + onlyManageRoles, null,
                owner.token()));
        ok(api.put(API + "/channels/" + channel + "/permissions/" + managerRole, new JsonObject().put("type", 0)
                .put("deny", Permission.toWire(Permission.EMBED_LINKS.bit())), owner.token()));
    }

    @TestFactory
    Stream<DynamicTest> everyGrantingRouteRefusesBitsTheCallerLacks() {
        return Stream.of(Permission.values()).flatMap(p -> Stream.of(
                check("PUT overwrite allow", p, CHANNEL_HELD, () -> overwrite("allow", p)),
                check("PUT overwrite deny", p, CHANNEL_HELD, () -> overwrite("deny", p)),
                check("POST channel with overwrite", p, GUILD_HELD, () -> api.post(API + "/guilds/" + guild + "/channels",
                        new JsonObject().put("name", "with " + p.name()).put("permission_overwrites", new JsonArray()
                                .add(new JsonObject().put("id", target.id()).put("type", 1).put("allow", wire(p)))),
                        manager.token())),
                check("POST role", p, GUILD_HELD, () -> api.post(API + "/guilds/" + guild + "/roles",
                        new JsonObject().put("name", "made with " + p.name()).put("permissions", wire(p)), manager.token())),
                check("PATCH role", p, GUILD_HELD, () -> patchRole(p)),
                check("PUT member role", p, GUILD_HELD, () -> putMemberRole(p)),
                check("PATCH member roles", p, GUILD_HELD, () -> patchMemberRoles(p))));
    }

    @Test
    void holderOfOnlyManageRolesCannotGrantThemselvesModerationThroughAnOverwrite() {
        long escalation = Permission.of(Permission.MANAGE_MESSAGES, Permission.MANAGE_CHANNELS, Permission.MENTION_EVERYONE);
        Reply reply = api.put(API + "/channels/" + channel + "/permissions/" + roleManager.id(), new JsonObject()
                .put("type", 1).put("allow", Permission.toWire(escalation)), roleManager.token());
        assertEquals(403, reply.status(), reply.body());
        assertEquals("MISSING_PERMISSIONS", reply.errorCode());
        Reply rename = api.patch(API + "/channels/" + channel, new JsonObject().put("name", "taken"), roleManager.token());
        assertEquals("MISSING_PERMISSIONS", rename.errorCode(), rename.body());
    }

    private DynamicTest check(String route, Permission p, long held, java.util.function.Supplier<Reply> call) {
        boolean holds = Permission.has(held, p);
        return DynamicTest.dynamicTest(route + " " + p.name() + (holds ? " (held)" : " (not held)"), () -> {
            Reply reply = call.get();
            if (holds) {
                assertEquals(true, reply.status() < 300, () -> reply.status() + " " + reply.body());
            } else {
                String code = reply.status() >= 400 ? reply.errorCode() : "(no error)";
                assertEquals("403 MISSING_PERMISSIONS", reply.status() + " " + code, reply.body());
            }
        });
    }

    private Reply overwrite(String field, Permission p) {
        String path = API + "/channels/" + channel + "/permissions/" + target.id();
        Reply reply = api.put(path, new JsonObject().put("type", 1).put(field, wire(p)), manager.token());
        if (reply.status() < 300) {
            ok(api.delete(path, manager.token()));
        }
        return reply;
    }

    private Reply patchRole(Permission p) {
        String path = API + "/guilds/" + guild + "/roles/" + editableRole;
        Reply reply = api.patch(path, new JsonObject().put("permissions", wire(p)), manager.token());
        if (reply.status() < 300) {
            ok(api.patch(path, new JsonObject().put("permissions", "0"), manager.token()));
        }
        return reply;
    }

    private Reply putMemberRole(Permission p) {
        String path = API + "/guilds/" + guild + "/members/" + target.id() + "/roles/" + roleWithBit.get(p);
        Reply reply = api.put(path, null, manager.token());
        if (reply.status() < 300) {
            ok(api.delete(path, manager.token()));
        }
        return reply;
    }

    private Reply patchMemberRoles(Permission p) {
        String path = API + "/guilds/" + guild + "/members/" + target.id();
        Reply reply = api.patch(path, new JsonObject().put("roles", new JsonArray().add(roleWithBit.get(p))),
                manager.token());
        if (reply.status() < 300) {
            ok(api.patch(path, new JsonObject().put("roles", new JsonArray()), manager.token()));
        }
        return reply;
    }

    private String role(String name, long permissions) {
        return ok(api.post(API + "/guilds/" + guild + "/roles", new JsonObject().put("name", name)
                .put("permissions", Permission.toWire(permissions)), owner.token())).getString("id");
    }

    private static String wire(Permission p) {
        return Permission.toWire(p.bit());
    }

    private static JsonObject ok(Reply reply) {
        if (reply.status() >= 300) {
            throw new IllegalStateException("set-up call failed: " + reply.status() + " " + reply.body());
        }
        return reply.body().isEmpty() ? new JsonObject() : reply.json();
    }
}
