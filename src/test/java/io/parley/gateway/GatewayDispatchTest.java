package io.parley.gateway;

import io.parley.testing.ApiClient;
import io.parley.testing.ApiClient.Account;
import io.parley.testing.Bots;
import io.parley.testing.GatewayClient;
import io.parley.testing.Guilds;
import io.parley.testing.Guilds.Guild;
import io.parley.testing.SharedParley;
import io.parley.testing.TestParley;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;

import static io.parley.testing.ApiClient.API;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Who receives which dispatch: membership, channel visibility at that moment, intents, MESSAGE_CONTENT. */
@ExtendWith(SharedParley.class)
class GatewayDispatchTest {
    private static final int GUILDS = 1;
    private static final int GUILD_MEMBERS = 1 << 1;
    private static final int GUILD_MESSAGES = 1 << 9;
    private static final int MESSAGE_CONTENT = 1 << 15;
    private static final String Q = "v=10&encoding=json";

    private TestParley parley;
    private ApiClient api;
    private Account owner;
    private Account member;
    private Guild guild;
    private String messages;

    @BeforeEach
    void setUp(TestParley parley) {
        this.parley = parley;
        api = parley.client();
        owner = api.register("correct horse battery");
        member = api.register("correct horse battery");
        guild = Guilds.create(api, owner, "Live");
        Guilds.join(api, member, guild, owner);
        messages = API + "/channels/" + guild.generalChannelId() + "/messages";
    }

    private GatewayClient session(Account account, int intents) {
        GatewayClient client = GatewayClient.connect(parley.node().httpPort(), Q);
        client.next(5000);
        client.identify(account.token(), intents);
        return client;
    }

    private String post(Account author, String content) {
        return api.post(messages, new JsonObject().put("content", content), author.token()).json().getString("id");
    }

    @Test
    void readyIsFollowedByGuildCreateWithChannelsRolesAndMembers() {
        try (GatewayClient client = session(member, GUILDS)) {
            JsonObject created = client.dispatch("GUILD_CREATE").getJsonObject("d");
            assertEquals(guild.id(), created.getString("id"));
            assertEquals(guild.id(), created.getJsonArray("roles").getJsonObject(0).getString("id"));
            assertEquals(guild.generalChannelId(), created.getJsonArray("channels").getJsonObject(0).getString("id"));
            assertEquals(2, created.getInteger("member_count"));
            assertEquals(2, created.getJsonArray("members").size());
            assertEquals("Live", created.getJsonObject("properties").getString("name"), "Fluxer reads properties");
            assertEquals(new JsonArray(), created.getJsonArray("voice_states"));
        }
    }

    @Test
    void aMessageReachesMembersInOrderWithIncreasingSequence() {
        try (GatewayClient client = session(member, GUILDS | GUILD_MESSAGES)) {
            client.dispatch("GUILD_CREATE");
            List<String> sent = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                sent.add(post(owner, "hello " + i));
            }
            long lastSeq = 0;
            for (String id : sent) {
                JsonObject dispatch = client.dispatch("MESSAGE_CREATE");
                assertEquals(id, dispatch.getJsonObject("d").getString("id"));
                assertTrue(dispatch.getLong("s") > lastSeq);
                lastSeq = dispatch.getLong("s");
            }
        }
    }

    @Test
    void withoutTheGuildMessagesIntentNoMessagesArrive() {
        try (GatewayClient client = session(member, GUILDS)) {
            client.dispatch("GUILD_CREATE");
            post(owner, "quiet");
            assertFalse(client.receives("MESSAGE_CREATE", 700));
        }
    }

    @Test
    void aBotWithoutMessageContentSeesEmptyContentUnlessMentioned() {
        Account bot = Bots.create(parley, "content_bot_" + System.nanoTime() % 100000);
        Guilds.join(api, bot, guild, owner);
        try (GatewayClient client = session(bot, GUILDS | GUILD_MESSAGES)) {
            client.dispatch("GUILD_CREATE");
            post(owner, "secret words");
            assertEquals("", client.dispatch("MESSAGE_CREATE").getJsonObject("d").getString("content"));
            post(owner, "hey <@" + bot.id() + ">");
            assertEquals("hey <@" + bot.id() + ">",
                    client.dispatch("MESSAGE_CREATE").getJsonObject("d").getString("content"));
        }
        try (GatewayClient client = session(bot, GUILDS | GUILD_MESSAGES | MESSAGE_CONTENT)) {
            client.dispatch("GUILD_CREATE");
            post(owner, "visible words");
            assertEquals("visible words", client.dispatch("MESSAGE_CREATE").getJsonObject("d").getString("content"));
        }
    }

    @Test
    void losingViewChannelStopsDeliveryAtOnce() {
        try (GatewayClient client = session(member, GUILDS | GUILD_MESSAGES)) {
            client.dispatch("GUILD_CREATE");
            api.put(API + "/channels/" + guild.generalChannelId() + "/permissions/" + member.id(), new JsonObject()
                    .put("type", 1).put("allow", "0").put("deny", Long.toString(1L << 10)), owner.token());
            post(owner, "you cannot see this");
            assertFalse(client.receives("MESSAGE_CREATE", 700));
            api.delete(API + "/channels/" + guild.generalChannelId() + "/permissions/" + member.id(), owner.token());
            String visible = post(owner, "now you can");
            assertEquals(visible, client.dispatch("MESSAGE_CREATE").getJsonObject("d").getString("id"));
        }
    }

    @Test
    void joiningAGuildBringsGuildCreateAndLeavingBringsGuildDelete() {
        Account newcomer = api.register("correct horse battery");
        try (GatewayClient client = session(newcomer, GUILDS);
             GatewayClient watcher = session(owner, GUILDS | GUILD_MEMBERS)) {
            Guilds.join(api, newcomer, guild, owner);
            assertEquals(guild.id(), client.dispatch("GUILD_CREATE").getJsonObject("d").getString("id"));
            assertEquals(newcomer.id(), watcher.dispatch("GUILD_MEMBER_ADD").getJsonObject("d")
                    .getJsonObject("user").getString("id"));
            api.delete(API + "/users/@me/guilds/" + guild.id(), newcomer.token());
            assertEquals(guild.id(), client.dispatch("GUILD_DELETE").getJsonObject("d").getString("id"));
            assertEquals(newcomer.id(), watcher.dispatch("GUILD_MEMBER_REMOVE").getJsonObject("d")
                    .getJsonObject("user").getString("id"));
        }
    }

    @Test
    void structuralChangesAreDispatched() {
        try (GatewayClient client = session(member, GUILDS)) {
            client.dispatch("GUILD_CREATE");
            String channel = api.post(API + "/guilds/" + guild.id() + "/channels", new JsonObject().put("name", "news"),
                    owner.token()).json().getString("id");
            assertEquals(channel, client.dispatch("CHANNEL_CREATE").getJsonObject("d").getString("id"));
            api.post(API + "/guilds/" + guild.id() + "/roles", new JsonObject().put("name", "fans"), owner.token());
            assertEquals("fans", client.dispatch("GUILD_ROLE_CREATE").getJsonObject("d").getJsonObject("role")
                    .getString("name"));
            api.patch(API + "/guilds/" + guild.id(), new JsonObject().put("name", "Renamed"), owner.token());
            assertEquals("Renamed", client.dispatch("GUILD_UPDATE").getJsonObject("d").getString("name"));
        }
    }

    @Test
    void invitesReachManagersAndProfileChangesReachTheirOwner() {
        try (GatewayClient manager = session(owner, GUILDS | (1 << 6));
             GatewayClient plain = session(member, GUILDS | (1 << 6))) {
            manager.dispatch("GUILD_CREATE");
            plain.dispatch("GUILD_CREATE");
            String code = Guilds.invite(api, owner, guild.generalChannelId(), new JsonObject().put("unique", true));
            assertEquals(code, manager.dispatch("INVITE_CREATE").getJsonObject("d").getString("code"));
            assertFalse(plain.receives("INVITE_CREATE", 500), "members without MANAGE_CHANNELS do not see invites");
            api.patch(API + "/users/@me", new JsonObject().put("global_name", "Renamed"), member.token());
            assertEquals("Renamed", plain.dispatch("USER_UPDATE").getJsonObject("d").getString("global_name"));
        }
    }

    @Test
    void typingIsDispatchedToThoseWhoAskedForIt() {
        try (GatewayClient client = session(member, GUILDS | (1 << 11))) {
            client.dispatch("GUILD_CREATE");
            api.post(API + "/channels/" + guild.generalChannelId() + "/typing", null, owner.token());
            assertEquals(owner.id(), client.dispatch("TYPING_START").getJsonObject("d").getString("user_id"));
        }
    }

    @Test
    void presenceChangesReachGuildmatesAndInvisibleReadsAsOffline() {
        int presences = 1 << 8;
        try (GatewayClient watcher = session(owner, GUILDS | presences)) {
            watcher.dispatch("GUILD_CREATE");
            GatewayClient client = session(member, GUILDS);
            JsonObject online = watcher.dispatch("PRESENCE_UPDATE").getJsonObject("d");
            assertEquals(member.id(), online.getJsonObject("user").getString("id"));
            assertEquals("online", online.getString("status"));
            client.send(new JsonObject().put("op", 3).put("d", new JsonObject().put("status", "dnd")
                    .put("activities", new JsonArray()).put("since", 0).put("afk", false)));
            assertEquals("dnd", watcher.dispatch("PRESENCE_UPDATE").getJsonObject("d").getString("status"));
            client.send(new JsonObject().put("op", 3).put("d", new JsonObject().put("status", "invisible")));
            assertEquals("offline", watcher.dispatch("PRESENCE_UPDATE").getJsonObject("d").getString("status"));
            client.send(new JsonObject().put("op", 3).put("d", new JsonObject().put("status", "idle")));
            watcher.dispatch("PRESENCE_UPDATE");
            try (GatewayClient late = session(owner, GUILDS | presences)) {
                JsonArray seen = late.dispatch("GUILD_CREATE").getJsonObject("d").getJsonArray("presences");
                assertTrue(seen.stream().anyMatch(p -> ((JsonObject) p).getJsonObject("user").getString("id")
                        .equals(member.id()) && "idle".equals(((JsonObject) p).getString("status"))),
                        "GUILD_CREATE carries who is online: " + seen.encode());
            }
            client.close();
        }
    }

    @Test
    void requestGuildMembersAnswersInChunksWithTheNonce() {
        try (GatewayClient client = session(member, GUILDS | GUILD_MEMBERS)) {
            client.dispatch("GUILD_CREATE");
            client.send(new JsonObject().put("op", 8).put("d", new JsonObject().put("guild_id", guild.id())
                    .put("query", "").put("limit", 0).put("nonce", "n1")));
            JsonObject chunk = client.dispatch("GUILD_MEMBERS_CHUNK").getJsonObject("d");
            assertEquals(2, chunk.getJsonArray("members").size());
            assertEquals("n1", chunk.getString("nonce"));
            assertEquals(1, chunk.getInteger("chunk_count"));
            client.send(new JsonObject().put("op", 8).put("d", new JsonObject().put("guild_id", guild.id())
                    .put("query", owner.username().substring(0, 6)).put("limit", 10)));
            JsonArray found = client.dispatch("GUILD_MEMBERS_CHUNK").getJsonObject("d").getJsonArray("members");
            assertTrue(found.stream().anyMatch(m -> ((JsonObject) m).getJsonObject("user").getString("id")
                    .equals(owner.id())));
        }
        try (GatewayClient client = session(member, GUILDS)) {
            client.send(new JsonObject().put("op", 8).put("d", new JsonObject().put("guild_id", guild.id())
                    .put("query", "").put("limit", 0)));
            assertEquals((short) 4014, client.awaitClose(), "listing everyone needs GUILD_MEMBERS");
        }
    }
}
