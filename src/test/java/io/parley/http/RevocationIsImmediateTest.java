package io.parley.http;

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

import java.time.Instant;

import static io.parley.testing.ApiClient.API;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Principals and channel access are cached briefly; whatever takes them away must still hold
 * for the very next request (each case uses the token and the channel first, so a cached entry exists).
 */
@ExtendWith(SharedParley.class)
class RevocationIsImmediateTest {
    private static final String PASSWORD = "correct horse battery";
    private static final long SEND_MESSAGES = 1L << 11;
    private static final long VIEW_CHANNEL = 1L << 10;
    private ApiClient api;
    private Account owner;
    private Account member;
    private Guild guild;

    @BeforeEach
    void guildWithAMember(TestParley parley) {
        api = parley.client();
        owner = api.register(PASSWORD);
        member = api.register(PASSWORD);
        guild = Guilds.create(api, owner, "revocations");
        Guilds.join(api, member, guild, owner);
    }

    @Test
    void logoutEndsTheTokenAtOnce() {
        assertEquals(200, api.get(API + "/users/@me", member.token()).status());
        assertEquals(200, api.get(API + "/users/@me", member.token()).status());
        assertEquals(204, api.post(API + "/auth/logout", null, member.token()).status());
        assertEquals(401, api.get(API + "/users/@me", member.token()).status());
        assertEquals(401, post(member).status());
    }

    @Test
    void passwordChangeEndsOtherSessionsAtOnce() {
        String other = api.post(API + "/auth/login",
                new JsonObject().put("login", member.email()).put("password", PASSWORD), null).json().getString("token");
        assertEquals(200, api.get(API + "/users/@me", other).status());
        Reply changed = api.patch(API + "/users/@me",
                new JsonObject().put("password", PASSWORD).put("new_password", "another long password"), member.token());
        assertEquals(200, changed.status(), changed.body());
        assertEquals(401, api.get(API + "/users/@me", other).status());
        assertEquals(401, api.get(API + "/users/@me", member.token()).status());
    }

    @Test
    void aKickedMemberCannotPostOrReadTheNextMoment() {
        assertEquals(200, post(member).status());
        assertEquals(204, api.delete(API + "/guilds/" + guild.id() + "/members/" + member.id(), owner.token()).status());
        assertEquals(404, post(member).status());
        assertEquals(404, history(member).status());
    }

    @Test
    void aBannedMemberCannotPostOrReadTheNextMoment() {
        assertEquals(200, post(member).status());
        assertEquals(200, history(member).status());
        assertEquals(204, api.put(API + "/guilds/" + guild.id() + "/bans/" + member.id(), new JsonObject(),
                owner.token()).status());
        assertEquals(404, post(member).status());
        assertEquals(404, history(member).status());
    }

    @Test
    void anOverwriteDenyingSendOrViewHoldsForTheNextRequest() {
        assertEquals(200, post(member).status());
        String overwrite = API + "/channels/" + guild.generalChannelId() + "/permissions/" + member.id();
        assertEquals(204, api.put(overwrite, new JsonObject().put("type", 1).put("allow", "0")
                .put("deny", Long.toString(SEND_MESSAGES)), owner.token()).status());
        assertEquals(403, post(member).status());
        assertEquals(200, history(member).status());
        assertEquals(204, api.put(overwrite, new JsonObject().put("type", 1).put("allow", "0")
                .put("deny", Long.toString(VIEW_CHANNEL)), owner.token()).status());
        assertEquals(403, history(member).status());
        assertEquals(204, api.delete(overwrite, owner.token()).status());
        assertEquals(200, post(member).status(), "and lifting it holds at once too");
    }

    @Test
    void takingSendFromEveryoneHoldsForTheNextRequest() {
        assertEquals(200, post(member).status());
        Reply everyone = api.patch(API + "/guilds/" + guild.id() + "/roles/" + guild.id(),
                new JsonObject().put("permissions", Long.toString(VIEW_CHANNEL | (1L << 16))), owner.token());
        assertEquals(200, everyone.status(), everyone.body());
        assertEquals(403, post(member).status());
        assertEquals(200, history(member).status());
    }

    @Test
    void aTimeoutHoldsForTheNextRequest() {
        assertEquals(200, post(member).status());
        Reply timedOut = api.patch(API + "/guilds/" + guild.id() + "/members/" + member.id(), new JsonObject()
                .put("communication_disabled_until", Instant.now().plusSeconds(600).toString()), owner.token());
        assertEquals(200, timedOut.status(), timedOut.body());
        assertEquals(403, post(member).status());
    }

    private Reply post(Account author) {
        return api.post(API + "/channels/" + guild.generalChannelId() + "/messages",
                new JsonObject().put("content", "hello"), author.token());
    }

    private Reply history(Account reader) {
        return api.get(API + "/channels/" + guild.generalChannelId() + "/messages", reader.token());
    }
}
