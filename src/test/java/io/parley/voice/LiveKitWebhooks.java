package io.parley.voice;

import com.google.protobuf.util.JsonFormat;
import io.livekit.server.AccessToken;
import livekit.LivekitModels.ParticipantInfo;
import livekit.LivekitModels.Room;
import livekit.LivekitWebhook.WebhookEvent;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

/** Webhooks as LiveKit sends them: protobuf JSON bodies, signed by a JWT whose sha256 claim is the body's hash. */
final class LiveKitWebhooks {
    private LiveKitWebhooks() {
    }

    static WebhookEvent participant(String event, String room, String identity, String sid, String metadata, long at) {
        return WebhookEvent.newBuilder().setEvent(event).setId("EV_" + sid + "_" + event + "_" + at)
                .setCreatedAt(at).setRoom(Room.newBuilder().setName(room).setSid("RM_" + room))
                .setParticipant(ParticipantInfo.newBuilder().setIdentity(identity).setSid(sid).setMetadata(metadata))
                .build();
    }

    static String body(WebhookEvent event) {
        try {
            return JsonFormat.printer().print(event);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String sign(String body, String key, String secret, long ttlMillis) {
        AccessToken token = new AccessToken(key, secret);
        token.setSha256(sha256(body));
        token.setTtl(ttlMillis);
        return token.toJwt();
    }

    static String sha256(String body) {
        try {
            return Base64.getEncoder().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** POSTs the body with the Authorization header LiveKit would send; returns the HTTP status. */
    static int post(int port, String body, String authorization) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/webhooks/livekit"))
                    .header("Content-Type", "application/webhook+json")
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Sends the webhook LiveKit would for the participant a VOICE_SERVER_UPDATE's token admits
     * (its identity and metadata), signed with the dev key; returns the HTTP status.
     */
    static int forToken(int port, String event, io.vertx.core.json.JsonObject serverUpdate, String sid, long at) {
        String room = "guild_" + serverUpdate.getString("guild_id") + "_channel_" + serverUpdate.getString("channel_id");
        var claims = com.auth0.jwt.JWT.decode(serverUpdate.getString("token"));
        String body = body(participant(event, room, claims.getSubject(), sid, claims.getClaim("metadata").asString(), at));
        return post(port, body, sign(body, "devkey", "secret", 60_000));
    }

    /** LiveKit's room_finished for a voice channel's room. */
    static int roomFinished(int port, String guildId, String channelId, long at) {
        String room = "guild_" + guildId + "_channel_" + channelId;
        String body = body(WebhookEvent.newBuilder().setEvent("room_finished").setId("EV_" + room + "_" + at)
                .setCreatedAt(at).setRoom(Room.newBuilder().setName(room).setSid("RM_" + room)).build());
        return post(port, body, sign(body, "devkey", "secret", 60_000));
    }
}
