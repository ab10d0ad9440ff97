package io.parley.message;

/** Typing is ephemeral: published on the Vert.x event bus, never stored. */
public final class TypingEvents {
    /** Payload: {@code {channel_id, guild_id, user_id, timestamp, member}} (TYPING_START's fields). */
    public static final String ADDRESS = "parley.typing";
    /** Typing in a DM or group DM. Payload: {@code {recipients: [user ids], typing: {channel_id, user_id, timestamp}}}. */
    public static final String PRIVATE_ADDRESS = "parley.typing.private";

    private TypingEvents() {
    }
}
