package io.parley.guild;

/** Channel type numbers of the wire format (API.md "Types and limits"). */
public final class ChannelTypes {
    public static final int GUILD_TEXT = 0;
    public static final int DM = 1;
    public static final int GUILD_VOICE = 2;
    public static final int GROUP_DM = 3;
    public static final int GUILD_CATEGORY = 4;

    private ChannelTypes() {
    }

    public static boolean isGuildType(int type) {
        return type == GUILD_TEXT || type == GUILD_VOICE || type == GUILD_CATEGORY;
    }
}
