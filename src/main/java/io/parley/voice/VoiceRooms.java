package io.parley.voice;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** LiveKit names: rooms {@code guild_{g}_channel_{c}} and participants {@code user_{u}_{connection}} (API.md). */
public final class VoiceRooms {
    private static final Pattern ROOM = Pattern.compile("guild_(\\d{1,19})_channel_(\\d{1,19})");
    private static final Pattern IDENTITY = Pattern.compile("user_(\\d{1,19})_([0-9a-f]{1,64})");

    public record Room(long guildId, long channelId) {
    }

    public record Identity(long userId, String connectionId) {
    }

    private VoiceRooms() {
    }

    public static String room(long guildId, long channelId) {
        return "guild_" + guildId + "_channel_" + channelId;
    }

    public static String identity(long userId, String connectionId) {
        return "user_" + userId + "_" + connectionId;
    }

    public static Optional<Room> parseRoom(String name) {
        Matcher m = name == null ? null : ROOM.matcher(name);
        return m != null && m.matches() ? Optional.of(new Room(Long.parseLong(m.group(1)), Long.parseLong(m.group(2))))
                : Optional.empty();
    }

    public static Optional<Identity> parseIdentity(String identity) {
        Matcher m = identity == null ? null : IDENTITY.matcher(identity);
        return m != null && m.matches() ? Optional.of(new Identity(Long.parseLong(m.group(1)), m.group(2)))
                : Optional.empty();
    }
}
