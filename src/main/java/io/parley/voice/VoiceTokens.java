package io.parley.voice;

import io.livekit.server.AccessToken;
import io.livekit.server.CanPublish;
import io.livekit.server.CanPublishData;
import io.livekit.server.CanPublishSources;
import io.livekit.server.CanSubscribe;
import io.livekit.server.RoomJoin;
import io.livekit.server.RoomName;
import io.parley.permission.Permission;
import io.parley.platform.config.ParleyConfig;

import java.util.ArrayList;
import java.util.List;

/** Mints LiveKit join tokens whose publish grants follow the member's channel permissions. */
public final class VoiceTokens {
    private final ParleyConfig.Voice config;

    public VoiceTokens(ParleyConfig.Voice config) {
        this.config = config;
    }

    /** The track sources LiveKit lets this member publish: SPEAK → microphone, VIDEO → camera, STREAM → screen share. */
    public static List<String> sources(long permissions) {
        List<String> sources = new ArrayList<>();
        if (Permission.has(permissions, Permission.SPEAK)) {
            sources.add("microphone");
        }
        // Discord's STREAM bit (9) covers camera video and screen share alike.
        if (Permission.has(permissions, Permission.STREAM)) {
            sources.add("camera");
            sources.add("screen_share");
            sources.add("screen_share_audio");
        }
        return sources;
    }

    public String mint(long guildId, long channelId, long userId, String connectionId, long permissions, String metadata) {
        return mint(guildId, channelId, userId, connectionId, permissions, false, false, metadata);
    }

    /** A server-muted member may not publish the microphone, a deafened one neither that nor subscribe. */
    public String mint(long guildId, long channelId, long userId, String connectionId, long permissions, boolean mute,
                       boolean deaf, String metadata) {
        AccessToken token = new AccessToken(config.apiKey(), config.apiSecret());
        token.setIdentity(VoiceRooms.identity(userId, connectionId));
        token.setName(Long.toString(userId));
        token.setMetadata(metadata);
        token.setTtl(config.tokenTtlSeconds() * 1000L);
        List<String> sources = sources(permissions);
        if (mute || deaf) {
            sources.remove("microphone");
        }
        token.addGrants(new RoomJoin(true), new RoomName(VoiceRooms.room(guildId, channelId)), new CanSubscribe(!deaf),
                new CanPublishData(true), new CanPublish(!sources.isEmpty()), new CanPublishSources(sources));
        return token.toJwt();
    }
}
