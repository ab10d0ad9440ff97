package io.parley.voice;

import livekit.LivekitModels.ParticipantPermission;
import livekit.LivekitModels.TrackSource;

/** What LiveKit lets a participant do, from their channel permissions and server mute/deafen. */
final class VoicePermissions {
    private VoicePermissions() {
    }

    /** Server mute takes the microphone; deafen stops subscribing and takes the microphone too. */
    static ParticipantPermission of(long channelPermissions, boolean mute, boolean deaf) {
        ParticipantPermission.Builder permission = ParticipantPermission.newBuilder()
                .setCanSubscribe(!deaf).setCanPublishData(true);
        for (String source : VoiceTokens.sources(channelPermissions)) {
            if (source.equals("microphone") && (mute || deaf)) {
                continue;
            }
            permission.addCanPublishSources(TrackSource.valueOf(source.toUpperCase(java.util.Locale.ROOT)));
        }
        return permission.setCanPublish(permission.getCanPublishSourcesCount() > 0).build();
    }
}
