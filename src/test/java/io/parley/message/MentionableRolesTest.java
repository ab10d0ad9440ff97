package io.parley.message;

import io.parley.permission.Permission;
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

import static io.parley.testing.ApiClient.API;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A role with {@code mentionable: false} is pinged only by authors holding MENTION_EVERYONE in the
 * channel; from anyone else its mention stays text (not in {@code mention_roles}) and the message
 * is still accepted.
 */
@ExtendWith(SharedParley.class)
class MentionableRolesTest {
    private static final String PASSWORD = "correct horse battery";
    private ApiClient api;
    private Account owner;
    private Account member;
    private Guild guild;
    private String quiet;
    private String loud;
    private String content;

    @BeforeEach
    void setUp(TestParley parley) {
        api = parley.client();
        owner = api.register(PASSWORD);
        member = api.register(PASSWORD);
        guild = Guilds.create(api, owner, "Mentionable roles");
        Guilds.join(api, member, guild, owner);
        quiet = role("quiet", false);
        loud = role("loud", true);
        content = "<@&" + quiet + "> and <@&" + loud + ">";
    }

    @Test
    void aPlainMemberMentionsOnlyMentionableRoles() {
        JsonObject sent = send(member, guild.generalChannelId());
        assertEquals(new JsonArray().add(loud), sent.getJsonArray("mention_roles"));
        assertEquals(content, sent.getString("content"), "the unresolved mention stays as written");
        JsonObject read = api.get(API + "/channels/" + guild.generalChannelId() + "/messages/" + sent.getString("id"),
                owner.token()).json();
        assertEquals(new JsonArray().add(loud), read.getJsonArray("mention_roles"));
    }

    @Test
    void theOwnerMentionsEveryRole() {
        assertEquals(new JsonArray().add(quiet).add(loud), send(owner, guild.generalChannelId()).getJsonArray("mention_roles"));
    }

    @Test
    void mentionEveryoneInTheChannelIsWhatCounts() {
        String announcements = api.post(API + "/guilds/" + guild.id() + "/channels", new JsonObject()
                .put("name", "announcements"), owner.token()).json().getString("id");
        Reply granted = api.put(API + "/channels/" + announcements + "/permissions/" + member.id(), new JsonObject()
                .put("type", 1).put("allow", Permission.toWire(Permission.MENTION_EVERYONE.bit())), owner.token());
        assertEquals(204, granted.status(), granted.body());

        assertEquals(new JsonArray().add(quiet).add(loud), send(member, announcements).getJsonArray("mention_roles"));
        assertEquals(new JsonArray().add(loud), send(member, guild.generalChannelId()).getJsonArray("mention_roles"));
    }

    private JsonObject send(Account author, String channelId) {
        Reply reply = api.post(API + "/channels/" + channelId + "/messages", new JsonObject().put("content", content),
                author.token());
        assertEquals(200, reply.status(), reply.body());
        return reply.json();
    }

    private String role(String name, boolean mentionable) {
        Reply reply = api.post(API + "/guilds/" + guild.id() + "/roles", new JsonObject().put("name", name)
                .put("mentionable", mentionable), owner.token());
        assertEquals(200, reply.status(), reply.body());
        return reply.json().getString("id");
    }
}
