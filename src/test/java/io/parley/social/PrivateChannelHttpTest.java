package io.parley.social;

import io.parley.testing.ApiClient;
import io.parley.testing.ApiClient.Account;
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

import static io.parley.testing.ApiClient.API;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** DMs and group DMs: opening, messaging, live delivery to recipients only, blocks, limits, leaving. */
@ExtendWith(SharedParley.class)
class PrivateChannelHttpTest {
    private static final String PASSWORD = "correct horse battery";
    /** GUILDS, GUILD_MESSAGES, DIRECT_MESSAGES, DIRECT_MESSAGE_REACTIONS, DIRECT_MESSAGE_TYPING, MESSAGE_CONTENT. */
    private static final int ALL_MESSAGE_INTENTS = 1 | 1 << 9 | 1 << 12 | 1 << 13 | 1 << 14 | 1 << 15;
    private static final String CHANNELS = API + "/users/@me/channels";
    private TestParley parley;
    private ApiClient api;
    private Account alice;
    private Account bob;

    @BeforeEach
    void setUp(TestParley parley) {
        this.parley = parley;
        api = parley.client();
        alice = api.register(PASSWORD);
        bob = api.register(PASSWORD);
    }

    private GatewayClient session(Account account) {
        GatewayClient client = GatewayClient.connect(parley.node().httpPort(), "v=10&encoding=json");
        client.next(5000);
        client.identify(account.token(), ALL_MESSAGE_INTENTS);
        return client;
    }

    private String openDm(Account from, Account to) {
        ApiClient.Reply reply = api.post(CHANNELS, new JsonObject().put("recipient_id", to.id()), from.token());
        assertEquals(200, reply.status(), reply.body());
        return reply.json().getString("id");
    }

    @Test
    void openingTwiceReturnsTheSameDmAndBothSeeIt() {
        String id = openDm(alice, bob);
        assertEquals(id, openDm(alice, bob));
        assertEquals(id, openDm(bob, alice));
        assertEquals(id, api.post(CHANNELS, new JsonObject().put("recipients", new JsonArray().add(alice.id())),
                bob.token()).json().getString("id"), "Discord clients open DMs with a one-element recipients list");
        JsonObject listed = api.get(CHANNELS, bob.token()).jsonArray().getJsonObject(0);
        assertEquals(1, listed.getInteger("type"));
        assertEquals(alice.id(), listed.getJsonArray("recipients").getJsonObject(0).getString("id"));
        assertEquals(200, api.get(API + "/channels/" + id, alice.token()).status());
    }

    @Test
    void aDmMessageReachesTheRecipientsSessionsAndNoGuildAudience() {
        Account outsider = api.register(PASSWORD);
        Guild shared = Guilds.create(api, alice, "Shared");
        Guilds.join(api, outsider, shared, alice);
        String id = openDm(alice, bob);
        try (GatewayClient bobLive = session(bob); GatewayClient outsiderLive = session(outsider)) {
            ApiClient.Reply sent = api.post(API + "/channels/" + id + "/messages",
                    new JsonObject().put("content", "hi bob"), alice.token());
            assertEquals(200, sent.status(), sent.body());
            JsonObject created = bobLive.dispatch("MESSAGE_CREATE").getJsonObject("d");
            assertEquals("hi bob", created.getString("content"));
            assertEquals(id, created.getString("channel_id"));
            assertFalse(created.containsKey("guild_id"));
            assertFalse(outsiderLive.receives("MESSAGE_CREATE", 1000), "a guild mate of the author sees nothing");
        }
        JsonArray history = api.get(API + "/channels/" + id + "/messages", bob.token()).jsonArray();
        assertEquals("hi bob", history.getJsonObject(0).getString("content"));
        assertEquals("UNKNOWN_CHANNEL", api.get(API + "/channels/" + id + "/messages", outsider.token()).errorCode());
        assertEquals("UNKNOWN_CHANNEL", api.post(API + "/channels/" + id + "/messages",
                new JsonObject().put("content", "me too"), outsider.token()).errorCode());
    }

    @Test
    void reactionsPinsAndTypingWorkInADm() {
        String id = openDm(alice, bob);
        String messageId = api.post(API + "/channels/" + id + "/messages", new JsonObject().put("content", "pin me"),
                alice.token()).json().getString("id");
        try (GatewayClient aliceLive = session(alice)) {
            assertEquals(204, api.put(API + "/channels/" + id + "/messages/" + messageId + "/reactions/%F0%9F%91%8D/@me",
                    null, bob.token()).status());
            assertEquals(bob.id(), aliceLive.dispatch("MESSAGE_REACTION_ADD").getJsonObject("d").getString("user_id"));
            assertEquals(204, api.put(API + "/channels/" + id + "/pins/" + messageId, null, bob.token()).status());
            assertEquals(204, api.post(API + "/channels/" + id + "/typing", null, bob.token()).status());
            assertEquals(bob.id(), aliceLive.dispatch("TYPING_START").getJsonObject("d").getString("user_id"));
        }
        assertEquals("MISSING_PERMISSIONS", api.delete(API + "/channels/" + id + "/messages/" + messageId,
                bob.token()).errorCode(), "no one deletes others' messages in a DM");
    }

    @Test
    void aBlockRefusesDmsEitherWay() {
        String id = openDm(alice, bob);
        assertEquals(204, api.put(API + "/users/@me/relationships/" + alice.id(), new JsonObject().put("type", 2),
                bob.token()).status());
        assertEquals("CANNOT_SEND_TO_USER", api.post(API + "/channels/" + id + "/messages",
                new JsonObject().put("content", "hello?"), alice.token()).errorCode());
        assertEquals("CANNOT_SEND_TO_USER", api.post(API + "/channels/" + id + "/messages",
                new JsonObject().put("content", "hello?"), bob.token()).errorCode());
        Account carol = api.register(PASSWORD);
        api.put(API + "/users/@me/relationships/" + carol.id(), new JsonObject().put("type", 2), bob.token());
        assertEquals("CANNOT_SEND_TO_USER", api.post(CHANNELS, new JsonObject().put("recipient_id", bob.id()),
                carol.token()).errorCode());
    }

    @Test
    void unknownRecipientsAndBadBodiesAreRefused() {
        assertEquals("UNKNOWN_USER", api.post(CHANNELS, new JsonObject().put("recipient_id", "123456789"),
                alice.token()).errorCode());
        assertEquals("INVALID_FORM_BODY", api.post(CHANNELS, new JsonObject(), alice.token()).errorCode());
        assertEquals("INVALID_FORM_BODY", api.post(CHANNELS, new JsonObject().put("recipient_id", alice.id()),
                alice.token()).errorCode());
    }

    @Test
    void aGroupDmAddsRemovesAndRespectsItsLimit() {
        Account carol = api.register(PASSWORD);
        try (GatewayClient bobLive = session(bob)) {
            ApiClient.Reply group = api.post(CHANNELS, new JsonObject().put("recipients",
                    new JsonArray().add(bob.id()).add(carol.id())).put("name", "trio"), alice.token());
            assertEquals(200, group.status(), group.body());
            assertEquals(3, group.json().getInteger("type"));
            assertEquals(alice.id(), group.json().getString("owner_id"));
            assertEquals(2, group.json().getJsonArray("recipients").size());
            String id = group.json().getString("id");
            assertEquals(id, bobLive.dispatch("CHANNEL_CREATE").getJsonObject("d").getString("id"));

            Account dave = api.register(PASSWORD);
            assertEquals(204, api.put(API + "/channels/" + id + "/recipients/" + dave.id(), null, bob.token()).status());
            assertEquals(dave.id(), bobLive.dispatch("CHANNEL_RECIPIENT_ADD").getJsonObject("d")
                    .getJsonObject("user").getString("id"));
            assertEquals("MISSING_PERMISSIONS", api.delete(API + "/channels/" + id + "/recipients/" + dave.id(),
                    bob.token()).errorCode(), "only the owner removes others");
            assertEquals(204, api.delete(API + "/channels/" + id + "/recipients/" + dave.id(), alice.token()).status());
            assertEquals(dave.id(), bobLive.dispatch("CHANNEL_RECIPIENT_REMOVE").getJsonObject("d")
                    .getJsonObject("user").getString("id"));
            assertEquals("UNKNOWN_CHANNEL", api.get(API + "/channels/" + id + "/messages", dave.token()).errorCode());

            assertEquals(200, api.delete(API + "/channels/" + id, alice.token()).status(), "the owner leaves");
            JsonObject after = api.get(API + "/channels/" + id, bob.token()).json();
            assertEquals(bob.id(), after.getString("owner_id"), "ownership passes on");
        }
        JsonArray eleven = new JsonArray();
        for (int i = 0; i < 10; i++) {
            eleven.add(api.register(PASSWORD).id());
        }
        assertEquals("MAX_GROUP_DM_RECIPIENTS", api.post(CHANNELS, new JsonObject().put("recipients", eleven),
                alice.token()).errorCode());
    }

    @Test
    void ackingTracksMentionsAndTellsTheUsersOtherSessions() {
        Guild guild = Guilds.create(api, alice, "Reads");
        Guilds.join(api, bob, guild, alice);
        String messages = API + "/channels/" + guild.generalChannelId() + "/messages";
        String first = api.post(messages, new JsonObject().put("content", "first"), alice.token()).json().getString("id");
        try (GatewayClient bobOther = session(bob)) {
            assertEquals(200, api.post(messages + "/" + first + "/ack", new JsonObject(), bob.token()).status());
            JsonObject ack = bobOther.dispatch("MESSAGE_ACK").getJsonObject("d");
            assertEquals(first, ack.getString("message_id"));
            assertEquals(guild.generalChannelId(), ack.getString("channel_id"));
        }
        api.post(messages, new JsonObject().put("content", "hey <@" + bob.id() + ">"), alice.token());
        api.post(messages, new JsonObject().put("content", "@everyone look"), alice.token());
        api.post(messages, new JsonObject().put("content", "not for bob"), alice.token());
        try (GatewayClient live = GatewayClient.connect(parley.node().httpPort(), "v=10&encoding=json")) {
            live.next(5000);
            JsonArray entries = live.identify(bob.token(), 0).getJsonObject("d").getJsonObject("read_state")
                    .getJsonArray("entries");
            JsonObject entry = entries.getJsonObject(0);
            assertEquals(guild.generalChannelId(), entry.getString("id"));
            assertEquals(first, entry.getString("last_message_id"));
            assertEquals(2, entry.getInteger("mention_count"));
        }
    }

    @Test
    void ackingWhereYouCannotLookIsRefused() {
        Guild guild = Guilds.create(api, alice, "Private");
        String messages = API + "/channels/" + guild.generalChannelId() + "/messages";
        String id = api.post(messages, new JsonObject().put("content", "secret"), alice.token()).json().getString("id");
        assertEquals("UNKNOWN_CHANNEL", api.post(messages + "/" + id + "/ack", new JsonObject(), bob.token()).errorCode());
        assertEquals("UNKNOWN_MESSAGE", api.post(messages + "/123/ack", new JsonObject(), alice.token()).errorCode());
        String dm = openDm(alice, bob);
        assertEquals(200, api.post(API + "/channels/" + dm + "/messages/" + api.post(API + "/channels/" + dm
                + "/messages", new JsonObject().put("content", "x"), alice.token()).json().getString("id") + "/ack",
                new JsonObject(), bob.token()).status());
    }

    @Test
    void readyCarriesPrivateChannels() {
        String id = openDm(alice, bob);
        try (GatewayClient live = GatewayClient.connect(parley.node().httpPort(), "v=10&encoding=json")) {
            live.next(5000);
            JsonArray channels = live.identify(bob.token(), 0).getJsonObject("d").getJsonArray("private_channels");
            assertEquals(id, channels.getJsonObject(0).getString("id"));
            assertTrue(channels.getJsonObject(0).getJsonArray("recipients").size() == 1);
            assertNull(channels.getJsonObject(0).getString("owner_id"));
        }
    }
}
