package io.parley.voice;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.SignatureVerificationException;
import com.auth0.jwt.interfaces.DecodedJWT;
import io.parley.permission.Permission;
import io.parley.platform.config.ParleyConfig;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Join tokens decoded with the JWT library the LiveKit SDK signs them with, checked with the shared secret. */
class VoiceTokensTest {
    private static final ParleyConfig.Voice CONFIG = new ParleyConfig.Voice("ws://localhost:7880", "devkey", "secret",
            600, 5000, List.of());
    private final VoiceTokens tokens = new VoiceTokens(CONFIG);

    private static DecodedJWT decode(String jwt) {
        return JWT.require(Algorithm.HMAC256("secret")).withIssuer("devkey").build().verify(jwt);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> video(String jwt) {
        return (Map<String, Object>) decode(jwt).getClaim("video").asMap();
    }

    private String mint(long permissions) {
        return tokens.mint(5, 6, 7, "abc123", permissions, "{\"session_id\":\"s1\"}");
    }

    @Test
    void theTokenJoinsOnlyThisChannelsRoomAsThisConnection() {
        String jwt = mint(Permission.of(Permission.CONNECT, Permission.SPEAK));
        DecodedJWT decoded = decode(jwt);
        assertEquals("user_7_abc123", decoded.getSubject());
        assertEquals("{\"session_id\":\"s1\"}", decoded.getClaim("metadata").asString());
        Map<String, Object> video = video(jwt);
        assertEquals(true, video.get("roomJoin"));
        assertEquals("guild_5_channel_6", video.get("room"));
        assertEquals(true, video.get("canSubscribe"));
        assertEquals(true, video.get("canPublishData"));
        assertEquals(600L, decoded.getExpiresAt().toInstant().getEpochSecond() - java.time.Instant.now().getEpochSecond(), 5);
    }

    @Test
    void speakAloneMayPublishTheMicrophoneOnly() {
        Map<String, Object> video = video(mint(Permission.of(Permission.CONNECT, Permission.SPEAK)));
        assertEquals(true, video.get("canPublish"));
        assertEquals(List.of("microphone"), video.get("canPublishSources"));
    }

    @Test
    void streamAddsCameraAndScreenShare() {
        Map<String, Object> video = video(mint(Permission.of(Permission.CONNECT, Permission.SPEAK, Permission.STREAM)));
        assertEquals(List.of("microphone", "camera", "screen_share", "screen_share_audio"), video.get("canPublishSources"));
        Map<String, Object> streamOnly = video(mint(Permission.of(Permission.CONNECT, Permission.STREAM)));
        assertEquals(List.of("camera", "screen_share", "screen_share_audio"), streamOnly.get("canPublishSources"));
    }

    @Test
    void withoutSpeakOrStreamNothingMayBePublishedButEverythingHeard() {
        Map<String, Object> video = video(mint(Permission.of(Permission.CONNECT)));
        assertEquals(false, video.get("canPublish"));
        assertEquals(true, video.get("canSubscribe"));
    }

    @Test
    void aServerMutedMemberMayNotPublishTheMicrophoneAndADeafenedOneHearsNothing() {
        long permissions = Permission.of(Permission.CONNECT, Permission.SPEAK, Permission.STREAM);
        Map<String, Object> muted = video(tokens.mint(5, 6, 7, "abc", permissions, true, false, "{}"));
        assertEquals(List.of("camera", "screen_share", "screen_share_audio"), muted.get("canPublishSources"));
        assertEquals(true, muted.get("canSubscribe"));
        Map<String, Object> deafened = video(tokens.mint(5, 6, 7, "abc", permissions, false, true, "{}"));
        assertEquals(List.of("camera", "screen_share", "screen_share_audio"), deafened.get("canPublishSources"));
        assertEquals(false, deafened.get("canSubscribe"));
        Map<String, Object> speakOnly = video(tokens.mint(5, 6, 7, "abc", Permission.of(Permission.CONNECT,
                Permission.SPEAK), true, false, "{}"));
        assertEquals(false, speakOnly.get("canPublish"));
    }

    @Test
    void aTokenSignedWithAnotherSecretDoesNotVerify() {
        String other = new VoiceTokens(new ParleyConfig.Voice("ws://x", "devkey", "other", 600, 5000, List.of()))
                .mint(5, 6, 7, "abc", Permission.of(Permission.CONNECT), "{}");
        assertThrows(SignatureVerificationException.class, () -> decode(other));
    }
}
