package io.parley.guild;

import io.parley.testing.ApiClient;
import io.parley.testing.ApiClient.Account;
import io.parley.testing.ApiClient.Reply;
import io.parley.testing.Guilds;
import io.parley.testing.Guilds.Guild;
import io.parley.testing.SharedParley;
import io.parley.testing.TestParley;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Instant;
import java.util.List;

import static io.parley.testing.ApiClient.API;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Guild lifecycle, roles and hierarchy, channel visibility and moderation, as a client sees them. */
@ExtendWith(SharedParley.class)
class GuildHttpTest {
    private static final String PASSWORD = "correct horse battery";
    private ApiClient api;
    private Account owner;
    private Account member;
    private Guild guild;

    @BeforeEach
    void setUp(TestParley parley) {
        api = parley.client();
        owner = api.register(PASSWORD);
        member = api.register(PASSWORD);
        guild = Guilds.create(api, owner, "Parley Test");
        Guilds.join(api, member, guild, owner);
    }

    @Test
    void aNewGuildHasItsOwnerAnEveryoneRoleAndADefaultChannel() {
        JsonObject json = api.get(API + "/guilds/" + guild.id() + "?with_counts=true", owner.token()).json();
        assertEquals(owner.id(), json.getString("owner_id"));
        JsonObject everyone = json.getJsonArray("roles").getJsonObject(0);
        assertEquals(guild.id(), everyone.getString("id"), "@everyone's id is the guild id");
        assertEquals("@everyone", everyone.getString("name"));
        assertEquals(2, json.getInteger("approximate_member_count"));
        JsonArray channels = api.get(API + "/guilds/" + guild.id() + "/channels", owner.token()).jsonArray();
        assertEquals("general", channels.getJsonObject(0).getString("name"));
        assertEquals(0, channels.getJsonObject(0).getInteger("type"));
    }

    @Test
    void theGuildListShowsOwnershipAndPermissions() {
        JsonArray mine = api.get(API + "/users/@me/guilds", member.token()).jsonArray();
        JsonObject entry = mine.stream().map(o -> (JsonObject) o)
                .filter(g -> g.getString("id").equals(guild.id())).findFirst().orElseThrow();
        assertFalse(entry.getBoolean("owner"));
        assertEquals(Long.toString(io.parley.permission.Permission.EVERYONE_DEFAULT), entry.getString("permissions"));
    }

    @Test
    void aRoleGrantsWhatItsPermissionsSay() {
        String path = API + "/guilds/" + guild.id() + "/channels";
        JsonObject channel = new JsonObject().put("name", "announcements");
        assertEquals(403, api.post(path, channel, member.token()).status());

        String role = api.post(API + "/guilds/" + guild.id() + "/roles", new JsonObject().put("name", "builders")
                .put("permissions", Long.toString(1L << 4)), owner.token()).json().getString("id");
        assertEquals(204, api.put(API + "/guilds/" + guild.id() + "/members/" + member.id() + "/roles/" + role, null,
                owner.token()).status());
        assertEquals(201, api.post(path, channel, member.token()).status());
    }

    @Test
    void nobodyManagesARoleAtOrAboveTheirOwnHighest() {
        String rolesPath = API + "/guilds/" + guild.id() + "/roles";
        String manager = api.post(rolesPath, new JsonObject().put("name", "manager")
                .put("permissions", Long.toString(1L << 28)), owner.token()).json().getString("id");
        String top = api.post(rolesPath, new JsonObject().put("name", "top"), owner.token()).json().getString("id");
        // New roles go to position 1, so "top" now sits above "manager"; move "manager" up over it.
        api.patch(rolesPath, new JsonArray().add(new JsonObject().put("id", manager).put("position", 3)), owner.token());
        api.put(API + "/guilds/" + guild.id() + "/members/" + member.id() + "/roles/" + manager, null, owner.token());

        String below = api.post(rolesPath, new JsonObject().put("name", "below"), owner.token()).json().getString("id");
        assertEquals(200, api.patch(rolesPath + "/" + below, new JsonObject().put("name", "renamed"), member.token())
                .status(), "a role below the member's highest is theirs to manage");
        Reply own = api.patch(rolesPath + "/" + manager, new JsonObject().put("name", "mine"), member.token());
        assertEquals(403, own.status(), "their own highest role is not");
        assertEquals("MISSING_PERMISSIONS", own.errorCode());
        Reply grant = api.post(rolesPath, new JsonObject().put("name", "admin").put("permissions", "8"), member.token());
        assertEquals(403, grant.status(), "nobody grants a permission they lack");
        assertEquals(200, api.patch(rolesPath + "/" + top, new JsonObject().put("name", "owner can"), owner.token())
                .status());
    }

    @Test
    void aDenyingOverwriteHidesAChannelFromMembers() {
        String secret = api.post(API + "/guilds/" + guild.id() + "/channels", new JsonObject().put("name", "secret")
                .put("permission_overwrites", new JsonArray().add(new JsonObject().put("id", guild.id())
                        .put("type", 0).put("allow", "0").put("deny", Long.toString(1L << 10)))), owner.token())
                .json().getString("id");
        Reply hidden = api.get(API + "/channels/" + secret, member.token());
        assertEquals(403, hidden.status());
        assertEquals("MISSING_ACCESS", hidden.errorCode());
        JsonArray visible = api.get(API + "/guilds/" + guild.id() + "/channels", member.token()).jsonArray();
        assertFalse(visible.encode().contains(secret), "the channel list leaves it out");

        assertEquals(204, api.put(API + "/channels/" + secret + "/permissions/" + member.id(), new JsonObject()
                .put("type", 1).put("allow", Long.toString(1L << 10)).put("deny", "0"), owner.token()).status());
        assertEquals(200, api.get(API + "/channels/" + secret, member.token()).status(),
                "a member overwrite beats the @everyone denial");
    }

    @Test
    void channelsNestUnderCategoriesOnly() {
        String path = API + "/guilds/" + guild.id() + "/channels";
        String category = api.post(path, new JsonObject().put("name", "voice").put("type", 4), owner.token())
                .json().getString("id");
        Reply voice = api.post(path, new JsonObject().put("name", "lounge").put("type", 2)
                .put("parent_id", category).put("user_limit", 5), owner.token());
        assertEquals(201, voice.status(), voice.body());
        assertEquals(category, voice.json().getString("parent_id"));
        assertEquals(5, voice.json().getInteger("user_limit"));
        Reply underText = api.post(path, new JsonObject().put("name", "x").put("parent_id", guild.generalChannelId()),
                owner.token());
        assertEquals(400, underText.status());

        assertEquals(200, api.delete(API + "/channels/" + category, owner.token()).status());
        assertEquals(null, api.get(API + "/channels/" + voice.json().getString("id"), owner.token()).json()
                .getString("parent_id"), "children of a deleted category lose their parent");
    }

    @Test
    void aTimedOutMemberKeepsOnlyViewAndHistory() {
        String until = Instant.now().plusSeconds(600).toString();
        Reply timedOut = api.patch(API + "/guilds/" + guild.id() + "/members/" + member.id(),
                new JsonObject().put("communication_disabled_until", until), owner.token());
        assertEquals(200, timedOut.status(), timedOut.body());
        assertEquals(Instant.parse(until).truncatedTo(java.time.temporal.ChronoUnit.MILLIS),
                Instant.parse(timedOut.json().getString("communication_disabled_until")), "kept to the millisecond");
        JsonObject entry = api.get(API + "/users/@me/guilds", member.token()).jsonArray().stream()
                .map(o -> (JsonObject) o).filter(g -> g.getString("id").equals(guild.id())).findFirst().orElseThrow();
        assertEquals(Long.toString((1L << 10) | (1L << 16)), entry.getString("permissions"));
        assertEquals(403, api.post(API + "/channels/" + guild.generalChannelId() + "/invites", new JsonObject(),
                member.token()).status(), "no creating invites while timed out");
    }

    @Test
    void nobodyModeratesTheOwner() {
        String mod = api.post(API + "/guilds/" + guild.id() + "/roles", new JsonObject().put("name", "mod")
                .put("permissions", Long.toString((1L << 1) | (1L << 2) | (1L << 40))), owner.token()).json().getString("id");
        api.put(API + "/guilds/" + guild.id() + "/members/" + member.id() + "/roles/" + mod, null, owner.token());
        assertEquals(403, api.delete(API + "/guilds/" + guild.id() + "/members/" + owner.id(), member.token()).status());
        assertEquals(403, api.put(API + "/guilds/" + guild.id() + "/bans/" + owner.id(), new JsonObject(),
                member.token()).status());
    }

    @Test
    void kickedMembersMayReturnButBannedOnesMayNot() {
        Account other = api.register(PASSWORD);
        Guilds.join(api, other, guild, owner);
        assertEquals(204, api.delete(API + "/guilds/" + guild.id() + "/members/" + other.id(), owner.token()).status());
        assertEquals(404, api.get(API + "/guilds/" + guild.id(), other.token()).status());
        Guilds.join(api, other, guild, owner);

        assertEquals(204, api.put(API + "/guilds/" + guild.id() + "/bans/" + other.id(),
                new JsonObject().put("reason", "spam").put("delete_message_seconds", 3600), owner.token()).status());
        assertEquals(404, api.get(API + "/guilds/" + guild.id(), other.token()).status(), "a ban ends membership");
        JsonObject ban = api.get(API + "/guilds/" + guild.id() + "/bans/" + other.id(), owner.token()).json();
        assertEquals("spam", ban.getString("reason"));
        String code = Guilds.invite(api, owner, guild.generalChannelId(), new JsonObject());
        Reply refused = api.post(API + "/invites/" + code, null, other.token());
        assertEquals(403, refused.status());
        assertEquals("USER_BANNED", refused.errorCode());

        assertEquals(204, api.delete(API + "/guilds/" + guild.id() + "/bans/" + other.id(), owner.token()).status());
        assertEquals(200, api.post(API + "/invites/" + code, null, other.token()).status());
    }

    @Test
    void ownershipMovesAndTheOwnerCannotLeave() {
        Reply leave = api.delete(API + "/users/@me/guilds/" + guild.id(), owner.token());
        assertEquals(400, leave.status());
        assertEquals("OWNER_CANNOT_LEAVE", leave.errorCode());
        Reply moved = api.patch(API + "/guilds/" + guild.id(), new JsonObject().put("owner_id", member.id()), owner.token());
        assertEquals(member.id(), moved.json().getString("owner_id"));
        assertEquals(204, api.delete(API + "/users/@me/guilds/" + guild.id(), owner.token()).status());
        assertEquals("UNKNOWN_GUILD", api.get(API + "/guilds/" + guild.id(), owner.token()).errorCode(),
                "the former owner is no longer a member");
    }

    @Test
    void onlyTheOwnerDeletesAGuildAndItIsGoneForEveryone() {
        Reply byMember = api.delete(API + "/guilds/" + guild.id(), member.token());
        assertEquals(403, byMember.status());
        assertEquals(204, api.post(API + "/guilds/" + guild.id() + "/delete", null, owner.token()).status());
        for (Account account : List.of(owner, member)) {
            assertEquals("UNKNOWN_GUILD", api.get(API + "/guilds/" + guild.id(), account.token()).errorCode());
        }
        assertEquals(404, api.get(API + "/channels/" + guild.generalChannelId(), owner.token()).status());
    }

    @Test
    void membersArePagedByUserId() {
        for (int i = 0; i < 3; i++) {
            Guilds.join(api, api.register(PASSWORD), guild, owner);
        }
        String path = API + "/guilds/" + guild.id() + "/members";
        JsonArray first = api.get(path + "?limit=2", member.token()).jsonArray();
        assertEquals(2, first.size());
        String last = first.getJsonObject(1).getJsonObject("user").getString("id");
        JsonArray rest = api.get(path + "?limit=1000&after=" + last, member.token()).jsonArray();
        assertEquals(3, rest.size());
        assertTrue(Long.parseLong(rest.getJsonObject(0).getJsonObject("user").getString("id")) > Long.parseLong(last));
        assertEquals(400, api.get(path + "?limit=1001", member.token()).status());
    }
}
