package io.parley.gateway;

/** Gateway intent bits (Discord v10 numbering) and which dispatches each one gates. */
public final class Intents {
    public static final int GUILDS = 1;
    public static final int GUILD_MEMBERS = 1 << 1;
    public static final int GUILD_MODERATION = 1 << 2;
    public static final int GUILD_EXPRESSIONS = 1 << 3;
    public static final int GUILD_WEBHOOKS = 1 << 5;
    public static final int GUILD_INVITES = 1 << 6;
    public static final int GUILD_VOICE_STATES = 1 << 7;
    public static final int GUILD_PRESENCES = 1 << 8;
    public static final int GUILD_MESSAGES = 1 << 9;
    public static final int GUILD_MESSAGE_REACTIONS = 1 << 10;
    public static final int GUILD_MESSAGE_TYPING = 1 << 11;
    public static final int DIRECT_MESSAGES = 1 << 12;
    public static final int DIRECT_MESSAGE_REACTIONS = 1 << 13;
    public static final int DIRECT_MESSAGE_TYPING = 1 << 14;
    public static final int MESSAGE_CONTENT = 1 << 15;
    /** Every bit Parley knows; IDENTIFY with any other is closed with 4014. */
    public static final int KNOWN = GUILDS | GUILD_MEMBERS | GUILD_MODERATION | (1 << 3) | (1 << 4) | (1 << 5)
            | GUILD_INVITES | GUILD_VOICE_STATES | GUILD_PRESENCES | GUILD_MESSAGES | GUILD_MESSAGE_REACTIONS
            | GUILD_MESSAGE_TYPING | DIRECT_MESSAGES | (1 << 13) | (1 << 14) | MESSAGE_CONTENT | (1 << 16) | (1 << 20)
            | (1 << 21) | (1 << 24) | (1 << 25);

    private Intents() {
    }
}
