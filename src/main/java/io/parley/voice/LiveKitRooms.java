package io.parley.voice;

import io.livekit.server.RoomServiceClient;
import io.parley.platform.config.ParleyConfig;
import livekit.LivekitModels.ParticipantInfo;
import livekit.LivekitModels.ParticipantPermission;
import okhttp3.OkHttpClient;
import retrofit2.Response;

import java.io.IOException;
import java.time.Duration;

/**
 * LiveKit's RoomService (Twirp over OkHttp). Every call BLOCKS: call it from Axon's or a
 * worker thread, never from an event loop. Each call gives up after voice.request_timeout_ms.
 */
public final class LiveKitRooms {
    private final RoomServiceClient client;

    public LiveKitRooms(ParleyConfig.Voice config) {
        Duration timeout = Duration.ofMillis(config.requestTimeoutMs());
        this.client = RoomServiceClient.createClient(
                config.roomServiceUrl().orElseGet(() -> httpUrl(config.livekitUrl())), config.apiKey(), config.apiSecret(),
                () -> new OkHttpClient.Builder().callTimeout(timeout).connectTimeout(timeout).build());
    }

    /** RoomService speaks HTTP on the same host and port clients reach with WebSocket. */
    static String httpUrl(String url) {
        return url.replaceFirst("^ws://", "http://").replaceFirst("^wss://", "https://");
    }

    /** Ends the room and disconnects everyone in it; a room that does not exist is fine. */
    public void deleteRoom(long guildId, long channelId) throws IOException {
        Response<Void> response = client.deleteRoom(VoiceRooms.room(guildId, channelId)).execute();
        if (!response.isSuccessful() && response.code() != 404) {
            throw new IOException("LiveKit DeleteRoom answered " + response.code());
        }
    }

    public void removeParticipant(long guildId, long channelId, String identity) throws IOException {
        Response<Void> response = client.removeParticipant(VoiceRooms.room(guildId, channelId), identity).execute();
        if (!response.isSuccessful() && response.code() != 404) {
            throw new IOException("LiveKit RemoveParticipant answered " + response.code());
        }
    }

    /** The identities {@code userId} holds in the channel's room (one per voice connection); empty for no room. */
    public java.util.List<String> identitiesOf(long guildId, long channelId, long userId) throws IOException {
        Response<java.util.List<ParticipantInfo>> response =
                client.listParticipants(VoiceRooms.room(guildId, channelId)).execute();
        if (response.code() == 404) {
            return java.util.List.of();
        }
        if (!response.isSuccessful() || response.body() == null) {
            throw new IOException("LiveKit ListParticipants answered " + response.code());
        }
        return response.body().stream().map(ParticipantInfo::getIdentity)
                .filter(identity -> VoiceRooms.parseIdentity(identity).map(i -> i.userId() == userId).orElse(false))
                .toList();
    }

    /** Replaces the participant's permissions; LiveKit unpublishes tracks it no longer allows. */
    public void updatePermissions(long guildId, long channelId, String identity, ParticipantPermission permission)
            throws IOException {
        Response<ParticipantInfo> response = client.updateParticipant(VoiceRooms.room(guildId, channelId), identity,
                null, null, permission).execute();
        if (!response.isSuccessful() && response.code() != 404) {
            throw new IOException("LiveKit UpdateParticipant answered " + response.code());
        }
    }
}
