package io.parley.voice;

import io.parley.testing.ApiClient;
import io.parley.testing.ApiClient.Account;
import io.parley.testing.GatewayClient;
import io.parley.testing.Guilds;
import io.parley.testing.Guilds.Guild;
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
@ExtendWith(VoiceParley.class)
class VoiceGatewayTest {
    private static final long CONNECT = 1L << 20;

    private TestParley parley;
    private FakeLiveKit livekit;
    private ApiClient api;
    private Account owner;
    private Account member;
    private Guild guild;
    private String voiceChannel;

    @BeforeEach
    void setUp(VoiceParley.Server server) {
        this.parley = server.parley();
        this.livekit = server.livekit();
        api = parley.client();
        owner = api.register("correct horse battery");
        member = api.register("correct horse battery");
        guild = Guilds.create(api, owner, "Voice");
        Guilds.join(api, member, guild, owner);
        voiceChannel = api.post(API + "/guilds/" + guild.id() + "/channels",
                new JsonObject().put("name", "Lounge").put("type", 2), owner.token()).json().getString("id");
    }

    private GatewayClient session(Account account) {
        return VoiceParley.voiceSession(parley, account.token());
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
            assertEquals(livekit.wsUrl(), serverA.getString("endpoint"));
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

    private static JsonObject op4(String guildId, String channelId, boolean selfMute, boolean selfDeaf) {
        return new JsonObject().put("op", 4).put("d", new JsonObject().put("guild_id", guildId)
                .put("channel_id", channelId).put("self_mute", selfMute).put("self_deaf", selfDeaf));
    }

    /** Joins over the gateway and has LiveKit confirm it; returns the VOICE_SERVER_UPDATE. */
    private JsonObject connected(GatewayClient session, String sid) {
        session.send(join(guild.id(), voiceChannel));
        JsonObject server = session.dispatch("VOICE_SERVER_UPDATE").getJsonObject("d");
        long now = Instant.now().getEpochSecond();
        assertEquals(200, webhook("participant_joined", server, sid + now, now));
        return server;
    }

    private io.vertx.core.json.JsonArray listedInVoice(String userId) {
        return VoiceParley.listedInVoice(parley, owner.token(), userId);
    }

    private static JsonObject gatewayError(GatewayClient session) {
        for (int i = 0; i < 20; i++) {
            JsonObject payload = session.next(5000);
            if (payload == null) {
                break;
            }
            if (payload.getInteger("op") == 12) {
                return payload.getJsonObject("d");
            }
        }
        throw new AssertionError("no op 12");
    }

    @Test
    void aFullChannelRefusesAJoinButNotSomeoneWhoMayMoveMembers() {
        assertEquals(200, api.patch(API + "/channels/" + voiceChannel, new JsonObject().put("user_limit", 1),
                owner.token()).status());
        try (GatewayClient b = session(member); GatewayClient a = session(owner)) {
            connected(b, "PA_full_b");
            listedInVoice(member.id());
            a.send(join(guild.id(), voiceChannel));
            assertEquals(voiceChannel, a.dispatch("VOICE_SERVER_UPDATE").getJsonObject("d").getString("channel_id"),
                    "the owner may exceed the limit");
            Account other = api.register("correct horse battery");
            Guilds.join(api, other, guild, owner);
            try (GatewayClient c = session(other)) {
                c.send(join(guild.id(), voiceChannel));
                JsonObject error = gatewayError(c);
                assertEquals(50013, error.getInteger("code"));
                assertEquals("Voice channel is full", error.getString("message"));
            }
        }
    }

    @Test
    void aTimedOutMemberMayNotJoin() {
        assertEquals(200, api.patch(API + "/guilds/" + guild.id() + "/members/" + member.id(), new JsonObject()
                .put("communication_disabled_until", Instant.now().plusSeconds(600).toString()), owner.token()).status());
        try (GatewayClient b = session(member)) {
            b.send(join(guild.id(), voiceChannel));
            assertEquals(50013, gatewayError(b).getInteger("code"));
        }
    }

    @Test
    void op4IntoTheSameChannelOnlyChangesTheSelfFlags() {
        try (GatewayClient a = session(owner); GatewayClient b = session(member)) {
            connected(b, "PA_flags");
            assertEquals(true, a.dispatch("VOICE_STATE_UPDATE").getJsonObject("d").getBoolean("self_mute"));
            listedInVoice(member.id());
            b.send(op4(guild.id(), voiceChannel, false, true));
            JsonObject state = a.dispatch("VOICE_STATE_UPDATE").getJsonObject("d");
            assertEquals(member.id(), state.getString("user_id"));
            assertEquals(true, state.getBoolean("self_deaf"));
            assertEquals(false, state.getBoolean("self_mute"));
            assertEquals(voiceChannel, state.getString("channel_id"));
            assertFalse(b.receives("VOICE_SERVER_UPDATE", 300), "no new connection");
        }
    }

    @Test
    void guildCreateListsWhoIsInVoiceAndRoomFinishedClearsThem() {
        try (GatewayClient b = session(member)) {
            connected(b, "PA_listed");
            b.dispatch("VOICE_STATE_UPDATE");
            var states = listedInVoice(member.id());
            assertEquals(1, states.size());
            assertEquals(voiceChannel, states.getJsonObject(0).getString("channel_id"));
            assertEquals(true, states.getJsonObject(0).getBoolean("self_mute"));
            assertEquals(200, LiveKitWebhooks.roomFinished(parley.node().httpPort(), guild.id(), voiceChannel,
                    Instant.now().getEpochSecond() + 1));
            JsonObject cleared = b.dispatch("VOICE_STATE_UPDATE").getJsonObject("d");
            assertEquals(member.id(), cleared.getString("user_id"));
            assertNull(cleared.getString("channel_id"));
        }
    }

    @Test
    void withLiveKitDownJoinsFailAndChatGoesOn() {
        livekit.healthy = false;
        try (GatewayClient b = session(member)) {
            JsonObject error = null;
            long deadline = System.currentTimeMillis() + 5000;
            while (error == null && System.currentTimeMillis() < deadline) {
                b.send(join(guild.id(), voiceChannel));
                JsonObject payload = b.next(2000);
                if (payload != null && payload.getInteger("op") == 12) {
                    error = payload.getJsonObject("d");
                } else {
                    sleep(500); // a healthy answer is trusted for a moment
                }
            }
            assertEquals(130000, error == null ? null : error.getInteger("code"));
            assertEquals(200, api.post(API + "/channels/" + guild.generalChannelId() + "/messages",
                    new JsonObject().put("content", "still here"), member.token()).status());
        } finally {
            livekit.healthy = true;
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
