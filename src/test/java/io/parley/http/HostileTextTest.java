package io.parley.http;

import io.parley.testing.ApiClient;
import io.parley.testing.ApiClient.Account;
import io.parley.testing.ApiClient.Reply;
import io.parley.testing.Guilds;
import io.parley.testing.SharedParley;
import io.parley.testing.TestParley;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static io.parley.testing.ApiClient.API;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue #16's findings: text no store can hold is refused at the edge, naming the field, and leaves nothing behind. */
@ExtendWith(SharedParley.class)
class HostileTextTest {
    private static final String NUL = "\\u0000";
    private ApiClient api;
    private Account owner;
    private Guilds.Guild guild;

    @BeforeEach
    void setUp(TestParley parley) {
        api = parley.client();
        owner = api.register("correct horse battery");
        guild = Guilds.create(api, owner, "hostile");
    }

    @Test
    void aNulInContentIsRefusedAndSearchKeepsWorking() {
        String channel = API + "/channels/" + guild.generalChannelId() + "/messages";
        assertInvalid(api.post(channel, "{\"content\":\"x" + NUL + "y\"}", owner.token()), "content");
        assertInvalid(api.post(channel, "{\"content\":\"x\\ud800y\"}", owner.token()), "content");
        assertInvalid(api.post(channel, "{\"embeds\":[{\"title\":\"t" + NUL + "\"}]}", owner.token()), "embeds.0.title");
        assertInvalid(api.post(channel, "{\"content\":\"ok\",\"embeds\":[{\"x" + NUL + "\":1}]}", owner.token()), "embeds.0");
        String word = "findme" + System.nanoTime();
        Reply sent = api.post(channel, new JsonObject().put("content", word + "\nsecond line\tafter tab"), owner.token());
        assertEquals(200, sent.status(), sent.body());
        assertEquals(word + "\nsecond line\tafter tab", api.get(channel + "/" + sent.json().getString("id"), owner.token())
                .json().getString("content"));
        api.eventually(API + "/guilds/" + guild.id() + "/messages/search?content=" + word, owner.token(),
                found -> found.getInteger("total_results", 0) == 1);
    }

    @Test
    void aNulInRegistrationLeavesTheUsernameFree() {
        String name = "hostile_" + System.nanoTime();
        String body = "{\"username\":\"" + name + "\",\"email\":\"" + name + "@example.com\","
                + "\"password\":\"correct horse battery\",\"global_name\":\"a" + NUL + "b\"}";
        assertInvalid(api.post(API + "/auth/register", body, null), "global_name");
        Reply again = api.post(API + "/auth/register", new JsonObject().put("username", name)
                .put("email", name + "@example.com").put("password", "correct horse battery"), null);
        assertEquals(201, again.status(), again.body());
    }

    @Test
    void aNulInANameCreatesNothing() {
        assertInvalid(api.post(API + "/guilds", "{\"name\":\"g" + NUL + "\"}", owner.token()), "name");
        assertInvalid(api.post(API + "/guilds/" + guild.id() + "/channels", "{\"name\":\"c" + NUL + "\"}", owner.token()), "name");
        assertInvalid(api.post(API + "/guilds/" + guild.id() + "/roles", "{\"name\":\"r" + NUL + "\"}", owner.token()), "name");
        assertInvalid(api.post(API + "/channels/" + guild.generalChannelId() + "/webhooks", "{\"name\":\"w" + NUL + "\"}",
                owner.token()), "name");
        assertEquals(1, api.get(API + "/guilds/" + guild.id() + "/channels", owner.token()).jsonArray().size());
        assertEquals(1, api.get(API + "/guilds/" + guild.id() + "/roles", owner.token()).jsonArray().size());
        assertEquals(0, api.get(API + "/channels/" + guild.generalChannelId() + "/webhooks", owner.token()).jsonArray().size());
    }

    @Test
    void aNulInAnEditIsRefusedNotDropped() {
        assertInvalid(api.patch(API + "/guilds/" + guild.id(), "{\"name\":\"g" + NUL + "\"}", owner.token()), "name");
        assertInvalid(api.patch(API + "/guilds/" + guild.id() + "/members/@me", "{\"nick\":\"n" + NUL + "\"}", owner.token()), "nick");
        assertInvalid(api.patch(API + "/users/@me", "{\"bio\":\"b" + NUL + "\"}", owner.token()), "bio");
        assertEquals("hostile", api.get(API + "/guilds/" + guild.id(), owner.token()).json().getString("name"));
    }

    @Test
    void namesRefuseLineBreaksWhereTextAllowsThem() {
        assertInvalid(api.patch(API + "/guilds/" + guild.id(), new JsonObject().put("name", "two\nlines"), owner.token()), "name");
        Reply bio = api.patch(API + "/users/@me", new JsonObject().put("bio", "two\nlines"), owner.token());
        assertEquals(200, bio.status(), bio.body());
        assertEquals("two\nlines", api.get(API + "/users/@me", owner.token()).json().getString("bio"));
    }

    @Test
    void aNulInAPathOrQueryIsAClientError() {
        Reply invite = api.get(API + "/invites/%00", owner.token());
        assertEquals(404, invite.status(), invite.body());
        assertEquals("UNKNOWN_INVITE", invite.errorCode());
        assertInvalid(api.get(API + "/guilds/" + guild.id() + "/messages/search?content=%00", owner.token()), "content");
        assertInvalid(api.post(API + "/auth/login", "{\"login\":\"a" + NUL + "@example.com\",\"password\":\"x\"}", null), "login");
        assertInvalid(api.post(API + "/users/@me/relationships", "{\"username\":\"u" + NUL + "\"}", owner.token()), "username");
        Reply reaction = api.put(API + "/channels/" + guild.generalChannelId() + "/messages/1/reactions/%00/@me", null,
                owner.token());
        assertTrue(reaction.status() >= 400 && reaction.status() < 500, reaction.body());
    }

    private static void assertInvalid(Reply reply, String path) {
        assertEquals(400, reply.status(), reply.body());
        assertEquals("INVALID_FORM_BODY", reply.errorCode(), reply.body());
        assertTrue(reply.json().getJsonArray("errors").stream()
                .anyMatch(e -> path.equals(((JsonObject) e).getString("path"))), path + " named in " + reply.body());
    }
}
