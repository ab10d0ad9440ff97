package io.parley.invite;

import io.parley.testing.ApiClient;
import io.parley.testing.ApiClient.Account;
import io.parley.testing.ApiClient.Reply;
import io.parley.testing.Guilds;
import io.parley.testing.Guilds.Guild;
import io.parley.testing.SharedParley;
import io.parley.testing.TestParley;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static io.parley.testing.ApiClient.API;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The invite lifecycle: create, look up, accept, use up, expire, delete. */
@ExtendWith(SharedParley.class)
class InviteHttpTest {
    private static final String PASSWORD = "correct horse battery";
    private ApiClient api;
    private Account owner;
    private Guild guild;

    @BeforeEach
    void setUp(TestParley parley) {
        api = parley.client();
        owner = api.register(PASSWORD);
        guild = Guilds.create(api, owner, "Invites");
    }

    @Test
    void anInviteCanBeLookedUpWithoutLoggingInAndShowsCounts() {
        String code = Guilds.invite(api, owner, guild.generalChannelId(), new JsonObject());
        Reply invite = api.get(API + "/invites/" + code + "?with_counts=true", null);
        assertEquals(200, invite.status());
        assertEquals(guild.id(), invite.json().getJsonObject("guild").getString("id"));
        assertEquals(guild.generalChannelId(), invite.json().getJsonObject("channel").getString("id"));
        assertEquals(owner.id(), invite.json().getJsonObject("inviter").getString("id"));
        assertEquals(1, invite.json().getInteger("approximate_member_count"));
        assertEquals("UNKNOWN_INVITE", api.get(API + "/invites/nosuchcode", null).errorCode());
    }

    @Test
    void acceptingJoinsTheGuildOnceAndCountsOneUse() {
        Account joiner = api.register(PASSWORD);
        String code = Guilds.invite(api, owner, guild.generalChannelId(), new JsonObject().put("max_uses", 5));
        assertEquals(200, api.post(API + "/invites/" + code, null, joiner.token()).status());
        assertEquals(200, api.post(API + "/invites/" + code, null, joiner.token()).status());
        assertEquals(200, api.get(API + "/guilds/" + guild.id(), joiner.token()).status());
        JsonObject listed = api.get(API + "/guilds/" + guild.id() + "/invites", owner.token()).jsonArray()
                .getJsonObject(0);
        assertEquals(1, listed.getInteger("uses"), "accepting again as a member uses nothing");
        assertEquals(5, listed.getInteger("max_uses"));
    }

    @Test
    void aUsedUpInviteIsRefused() {
        String code = Guilds.invite(api, owner, guild.generalChannelId(), new JsonObject().put("max_uses", 1));
        assertEquals(200, api.post(API + "/invites/" + code, null, api.register(PASSWORD).token()).status());
        Reply refused = api.post(API + "/invites/" + code, null, api.register(PASSWORD).token());
        assertEquals(404, refused.status());
        assertEquals("UNKNOWN_INVITE", refused.errorCode());
    }

    @Test
    void anExpiredInviteIsRefused() throws InterruptedException {
        String code = Guilds.invite(api, owner, guild.generalChannelId(), new JsonObject().put("max_age", 1));
        Thread.sleep(1_100);
        assertEquals("UNKNOWN_INVITE", api.post(API + "/invites/" + code, null, api.register(PASSWORD).token())
                .errorCode());
        assertEquals(404, api.get(API + "/invites/" + code, null).status());
    }

    @Test
    void aPermanentInviteHasNoExpiry() {
        String code = Guilds.invite(api, owner, guild.generalChannelId(), new JsonObject().put("max_age", 0));
        assertNull(api.get(API + "/invites/" + code, null).json().getString("expires_at"));
    }

    @Test
    void nonUniqueRequestsReuseAMatchingInviteAndUniqueOnesDoNot() {
        JsonObject settings = new JsonObject().put("max_age", 3600);
        String first = Guilds.invite(api, owner, guild.generalChannelId(), settings);
        assertEquals(first, Guilds.invite(api, owner, guild.generalChannelId(), settings));
        assertNotEquals(first, Guilds.invite(api, owner, guild.generalChannelId(), settings.copy().put("unique", true)));
    }

    @Test
    void aDeletedInviteIsGone() {
        String code = Guilds.invite(api, owner, guild.generalChannelId(), new JsonObject());
        assertEquals(200, api.delete(API + "/invites/" + code, owner.token()).status());
        assertEquals(404, api.post(API + "/invites/" + code, null, api.register(PASSWORD).token()).status());
    }

    @Test
    void invitesDieWithTheirChannel() {
        String channel = api.post(API + "/guilds/" + guild.id() + "/channels", new JsonObject().put("name", "tmp"),
                owner.token()).json().getString("id");
        String code = Guilds.invite(api, owner, channel, new JsonObject());
        api.delete(API + "/channels/" + channel, owner.token());
        assertEquals(404, api.get(API + "/invites/" + code, null).status());
    }
}
