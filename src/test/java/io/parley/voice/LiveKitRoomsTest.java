package io.parley.voice;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import io.parley.platform.config.ParleyConfig;
import livekit.LivekitRoom.DeleteRoomRequest;
import io.parley.permission.Permission;
import livekit.LivekitModels.TrackSource;
import livekit.LivekitRoom.RoomParticipantIdentity;
import livekit.LivekitRoom.UpdateParticipantRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The RoomService calls Parley makes, as they reach a server speaking LiveKit's Twirp API. */
class LiveKitRoomsTest {
    private FakeLiveKit fake;
    private LiveKitRooms rooms;

    @BeforeEach
    void setUp() throws IOException {
        fake = new FakeLiveKit();
        rooms = new LiveKitRooms(new ParleyConfig.Voice(fake.wsUrl(), "devkey", "secret", 600, 2000, List.of()));
    }

    @AfterEach
    void tearDown() {
        fake.close();
    }

    @Test
    void deletingAVoiceChannelsRoomSendsDeleteRoomSignedAsRoomAdmin() throws Exception {
        rooms.deleteRoom(5, 6);
        FakeLiveKit.Call call = fake.calls.get(0);
        assertEquals("DeleteRoom", call.method());
        assertTrue(call.contentType().startsWith("application/protobuf"), call.contentType());
        assertEquals("guild_5_channel_6", DeleteRoomRequest.parseFrom(call.body()).getRoom());
        String jwt = call.authorization().substring("Bearer ".length());
        Map<String, Object> video = JWT.require(Algorithm.HMAC256("secret")).withIssuer("devkey").build().verify(jwt)
                .getClaim("video").asMap();
        assertEquals(true, video.get("roomCreate"));
    }

    @Test
    void removingAParticipantNamesTheRoomAndIdentity() throws Exception {
        rooms.removeParticipant(5, 6, "user_7_abc");
        FakeLiveKit.Call call = fake.calls.get(0);
        assertEquals("RemoveParticipant", call.method());
        RoomParticipantIdentity request = RoomParticipantIdentity.parseFrom(call.body());
        assertEquals("guild_5_channel_6", request.getRoom());
        assertEquals("user_7_abc", request.getIdentity());
    }

    @Test
    void aServerMuteTakesTheMicrophoneAndDeafenStopsSubscribing() throws Exception {
        long speakAndStream = Permission.of(Permission.CONNECT, Permission.SPEAK, Permission.STREAM);
        rooms.updatePermissions(5, 6, "user_7_abc", VoicePermissions.of(speakAndStream, true, false));
        FakeLiveKit.Call call = fake.calls.get(0);
        assertEquals("UpdateParticipant", call.method());
        UpdateParticipantRequest request = UpdateParticipantRequest.parseFrom(call.body());
        assertEquals("guild_5_channel_6", request.getRoom());
        assertEquals("user_7_abc", request.getIdentity());
        assertEquals(List.of(TrackSource.CAMERA, TrackSource.SCREEN_SHARE, TrackSource.SCREEN_SHARE_AUDIO),
                request.getPermission().getCanPublishSourcesList());
        assertTrue(request.getPermission().getCanPublish());
        assertTrue(request.getPermission().getCanSubscribe());

        rooms.updatePermissions(5, 6, "user_7_abc", VoicePermissions.of(Permission.of(Permission.CONNECT,
                Permission.SPEAK), false, true));
        UpdateParticipantRequest deaf = UpdateParticipantRequest.parseFrom(fake.calls.get(1).body());
        assertEquals(false, deaf.getPermission().getCanSubscribe());
        assertEquals(false, deaf.getPermission().getCanPublish(), "a deafened member is muted too");
    }

    @Test
    void listingARoomFindsEveryConnectionOfTheUser() throws Exception {
        fake.participants.put("guild_5_channel_6", List.of("user_7_aa", "user_8_bb", "user_7_cc", "egress-bot"));
        assertEquals(List.of("user_7_aa", "user_7_cc"), rooms.identitiesOf(5, 6, 7));
        assertEquals("ListParticipants", fake.calls.get(0).method());
        assertEquals(List.of(), rooms.identitiesOf(5, 9, 7));
    }

    @Test
    void aMissingRoomIsFineButAServerErrorIsReported() throws Exception {
        fake.status = 404;
        rooms.deleteRoom(5, 6);
        fake.status = 500;
        assertThrows(IOException.class, () -> rooms.deleteRoom(5, 6));
    }

    @Test
    void livekitDownIsAnErrorWithinTheTimeout() {
        fake.close();
        assertThrows(IOException.class, () -> rooms.deleteRoom(5, 6));
    }
}
