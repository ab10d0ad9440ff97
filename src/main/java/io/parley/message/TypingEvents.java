package io.parley.message;

/** Typing is ephemeral: published on the Vert.x event bus, never stored. */
public final class TypingEvents {
    /** Payload: {@code {channel_id, guild_id, user_id, timestamp}} (TYPING_START's fields). */
    public static final String ADDRESS = "parley.typing";

    private TypingEvents() {
    }
}
