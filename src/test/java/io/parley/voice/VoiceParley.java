package io.parley.voice;

import io.parley.testing.BlockedThreadRecorder;
import io.parley.testing.GatewayClient;
import io.parley.testing.TestParley;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * One Parley whose LiveKit is a {@link FakeLiveKit}, shared by the voice test classes of the run
 * (the shared test server's LiveKit URL reaches nothing, so joins there are refused as LiveKit
 * being down). Injects the {@link Server}; fails a class whose run blocked an event loop.
 */
final class VoiceParley implements ParameterResolver, AfterAllCallback {
    record Server(TestParley parley, FakeLiveKit livekit)
            implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        @Override
        public void close() throws Exception {
            parley.close();
            livekit.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Server.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(VoiceParley.class, key -> {
                    try {
                        FakeLiveKit livekit = new FakeLiveKit();
                        return new Server(TestParley.start(Files.createTempDirectory("parley-voice-"),
                                Map.of("voice.livekit_url", livekit.wsUrl(),
                                        // every session of these tests identifies from 127.0.0.1
                                        "gateway.identify_per_ip", "100000/1m")), livekit);
                    } catch (Exception e) {
                        throw new IllegalStateException("the voice test server did not start", e);
                    }
                }, Server.class);
    }

    /** GUILDS and GUILD_VOICE_STATES. */
    static final int GUILDS_AND_VOICE = 1 | 1 << 7;

    /** A gateway session of {@code token}'s user, identified, its first GUILD_CREATE received. */
    static GatewayClient voiceSession(TestParley parley, String token) {
        GatewayClient client = GatewayClient.connect(parley.node().httpPort(), "v=10&encoding=json");
        client.next(5000);
        client.identify(token, GUILDS_AND_VOICE);
        client.dispatch("GUILD_CREATE");
        return client;
    }

    /**
     * op 4 into {@code channelId}, then LiveKit's participant_joined as {@code sid} at {@code at}
     * (LiveKit's event time, seconds); returns the VOICE_SERVER_UPDATE once {@code viewerToken}'s
     * GUILD_CREATE lists the join.
     */
    static JsonObject joinVoice(TestParley parley, GatewayClient session, String guildId, String channelId,
                                String sid, long at, String viewerToken) {
        session.send(new JsonObject().put("op", 4).put("d", new JsonObject().put("guild_id", guildId)
                .put("channel_id", channelId).put("self_mute", false).put("self_deaf", false)));
        JsonObject server = session.dispatch("VOICE_SERVER_UPDATE").getJsonObject("d");
        assertEquals(200, LiveKitWebhooks.forToken(parley.node().httpPort(), "participant_joined", server, sid, at));
        String userId = com.auth0.jwt.JWT.decode(server.getString("token")).getClaim("name").asString();
        listedInVoice(parley, viewerToken, userId);
        return server;
    }

    /**
     * GUILD_CREATE.voice_states (of the only guild of {@code token}'s user) as a new session sees
     * it, once it lists {@code userId}: the read table trails the dispatch, and this waits (5 s at
     * most) for the table.
     */
    static JsonArray listedInVoice(TestParley parley, String token, String userId) {
        long deadline = System.currentTimeMillis() + 5000;
        JsonArray states = null;
        while (System.currentTimeMillis() < deadline) {
            try (GatewayClient session = GatewayClient.connect(parley.node().httpPort(), "v=10&encoding=json")) {
                session.next(5000);
                session.identify(token, GUILDS_AND_VOICE);
                states = session.dispatch("GUILD_CREATE").getJsonObject("d").getJsonArray("voice_states");
            }
            for (int i = 0; i < states.size(); i++) {
                if (states.getJsonObject(i).getString("user_id").equals(userId)) {
                    return states;
                }
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("GUILD_CREATE never listed " + userId + " in voice: " + states);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        assertEquals(List.of(), BlockedThreadRecorder.warnings(), "an event loop was blocked");
    }
}
