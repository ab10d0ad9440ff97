package io.parley.voice;

import io.parley.testing.ApiClient;
import io.parley.testing.ApiClient.Account;
import io.parley.testing.GatewayClient;
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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Op 4 over a real gateway, LiveKit's signed webhooks over HTTP, and the VOICE_STATE_UPDATEs that follow. */
@ExtendWith(SharedParley.class)
class VoiceGatewayTest {
    private static final int GUILDS_AND_VOICE = 1 | 1 << 7;
    private static final long CONNECT = 1L << 20;

    private TestParley parley;
    private ApiClient api;
    private Account owner;
    private Account member;
    private Guild guild;
    private String voiceChannel;

    @BeforeEach
    void setUp(TestParley parley) {
        this.parley = parley;
        api = parley.client();
        owner = api.register("correct horse battery");
        member = api.register("correct horse battery");
        guild = Guilds.create(api, owner, "Voice");
        Guilds.join(api, member, guild, owner);
        voiceChannel = api.post(API + "/guilds/" + guild.id() + "/channels",
                new JsonObject().put("name", "Lounge").put("type", 2), owner.token()).json().getString("id");
    }

    private GatewayClient session(Account account) {
        GatewayClient client = GatewayClient.connect(parley.node().httpPort(), "v=10&encoding=json");
        client.next(5000);
        client.identify(account.token(), GUILDS_AND_VOICE);
        client.dispatch("GUILD_CREATE");
        return client;
    }

    private static JsonObject join(String guildId, String channelId) {
        return new JsonObject().put("op", 4).put("d", new JsonObject().put("guild_id", guildId)
                .put("channel_id", channelId).put("self_mute", true).put("self_deaf", false));
    }

    private int webhook(String event, JsonObject serverUpdate, String sid, long at) {
        String room = "guild_" + serverUpdate.getString("guild_id") + "_channel_" + serverUpdate.getString("channel_id");
        String token = serverUpdate.getString("token");
        var claims = com.auth0.jwt.JWT.decode(token);
        String body = LiveKitWebhooks.body(LiveKitWebhooks.participant(event, room, claims.getSubject(), sid,
                claims.getClaim("metadata").asString(), at));
        return LiveKitWebhooks.post(parley.node().httpPort(), body,
                LiveKitWebhooks.sign(body, "devkey", "secret", 60_000));
    }

    @Test
    void twoMembersJoinAndSeeEachOthersVoiceState() {
        try (GatewayClient a = session(owner); GatewayClient b = session(member)) {
            a.send(join(guild.id(), voiceChannel));
            JsonObject serverA = a.dispatch("VOICE_SERVER_UPDATE").getJsonObject("d");
            assertEquals(voiceChannel, serverA.getString("channel_id"));
            assertEquals("ws://localhost:7880", serverA.getString("endpoint"));
            assertFalse(b.receives("VOICE_SERVER_UPDATE", 300), "the token goes to the joining session only");
            b.send(join(guild.id(), voiceChannel));
            JsonObject serverB = b.dispatch("VOICE_SERVER_UPDATE").getJsonObject("d");

            long now = Instant.now().getEpochSecond();
            assertEquals(200, webhook("participant_joined", serverA, "PA_a" + now, now));
            assertEquals(200, webhook("participant_joined", serverB, "PA_b" + now, now));

            for (GatewayClient viewer : new GatewayClient[] {a, b}) {
                JsonObject first = viewer.dispatch("VOICE_STATE_UPDATE").getJsonObject("d");
                JsonObject second = viewer.dispatch("VOICE_STATE_UPDATE").getJsonObject("d");
                assertEquals(java.util.Set.of(owner.id(), member.id()),
                        java.util.Set.of(first.getString("user_id"), second.getString("user_id")));
                assertEquals(voiceChannel, first.getString("channel_id"));
                assertEquals(true, first.getBoolean("self_mute"));
            }

            assertEquals(200, webhook("participant_joined", serverA, "PA_a" + now, now), "a repeated webhook is accepted");
            assertFalse(b.receives("VOICE_STATE_UPDATE", 500), "and changes nothing");

            assertEquals(200, webhook("participant_left", serverA, "PA_a" + now, now + 1));
            JsonObject left = b.dispatch("VOICE_STATE_UPDATE").getJsonObject("d");
            assertEquals(owner.id(), left.getString("user_id"));
            assertNull(left.getString("channel_id"));
        }
    }

    @Test
    void withoutConnectTheJoinIsRefusedWithAGatewayError() {
        api.put(API + "/channels/" + voiceChannel + "/permissions/" + guild.id(), new JsonObject().put("type", 0)
                .put("allow", "0").put("deny", Long.toString(CONNECT)), owner.token());
        try (GatewayClient b = session(member)) {
            b.send(join(guild.id(), voiceChannel));
            JsonObject error = b.next(5000);
            assertEquals(12, error.getInteger("op"));
            assertEquals(50013, error.getJsonObject("d").getInteger("code"));
        }
    }

    @Test
    void voiceRegionsListTheDefaultRegion() {
        var regions = api.get(API + "/voice/regions", member.token()).jsonArray();
        assertEquals("default", regions.getJsonObject(0).getString("id"));
        assertEquals(true, regions.getJsonObject(0).getBoolean("optimal"));
    }

    @Test
    void aTextChannelIsNoVoiceChannel() {
        try (GatewayClient b = session(member)) {
            b.send(join(guild.id(), guild.generalChannelId()));
            assertEquals(10003, b.next(5000).getJsonObject("d").getInteger("code"));
        }
    }

    @Test
    void forgedTamperedAndStaleWebhooksAreRefused() {
        String room = "guild_" + guild.id() + "_channel_" + voiceChannel;
        String body = LiveKitWebhooks.body(LiveKitWebhooks.participant("participant_joined", room,
                "user_" + member.id() + "_abc", "PA_x", "{}", Instant.now().getEpochSecond()));
        int port = parley.node().httpPort();
        assertEquals(401, LiveKitWebhooks.post(port, body, null), "unsigned");
        assertEquals(401, LiveKitWebhooks.post(port, body, LiveKitWebhooks.sign(body, "devkey", "not-the-secret", 60_000)),
                "forged");
        assertEquals(401, LiveKitWebhooks.post(port, body.replace("PA_x", "PA_y"),
                LiveKitWebhooks.sign(body, "devkey", "secret", 60_000)), "tampered body");
        assertEquals(401, LiveKitWebhooks.post(port, body, LiveKitWebhooks.sign(body, "devkey", "secret", -120_000)),
                "stale");
        assertEquals(200, LiveKitWebhooks.post(port, body, LiveKitWebhooks.sign(body, "devkey", "secret", 60_000)));
    }
}
