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
}
