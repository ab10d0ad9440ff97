package io.parley.permission;

import java.util.Arrays;

/** Every permission flag of the contract with its bit position (API.md "Permissions"). */
public enum Permission {
    CREATE_INSTANT_INVITE(0), KICK_MEMBERS(1), BAN_MEMBERS(2), ADMINISTRATOR(3), MANAGE_CHANNELS(4),
    MANAGE_GUILD(5), ADD_REACTIONS(6), VIEW_AUDIT_LOG(7), PRIORITY_SPEAKER(8), STREAM(9), VIEW_CHANNEL(10),
    SEND_MESSAGES(11), SEND_TTS_MESSAGES(12), MANAGE_MESSAGES(13), EMBED_LINKS(14), ATTACH_FILES(15),
    READ_MESSAGE_HISTORY(16), MENTION_EVERYONE(17), USE_EXTERNAL_EMOJIS(18), CONNECT(20), SPEAK(21),
    MUTE_MEMBERS(22), DEAFEN_MEMBERS(23), MOVE_MEMBERS(24), USE_VAD(25), CHANGE_NICKNAME(26),
    MANAGE_NICKNAMES(27), MANAGE_ROLES(28), MANAGE_WEBHOOKS(29), MANAGE_EXPRESSIONS(30),
    USE_EXTERNAL_STICKERS(37), MODERATE_MEMBERS(40), CREATE_EXPRESSIONS(43), PIN_MESSAGES(51),
    BYPASS_SLOWMODE(52), UPDATE_RTC_REGION(53);

    /** Every defined bit. */
    public static final long ALL = Arrays.stream(values()).mapToLong(Permission::bit).reduce(0, (a, b) -> a | b);

    /** What @everyone may do in a new guild. */
    public static final long EVERYONE_DEFAULT = of(CREATE_INSTANT_INVITE, ADD_REACTIONS, STREAM, VIEW_CHANNEL,
            SEND_MESSAGES, EMBED_LINKS, ATTACH_FILES, READ_MESSAGE_HISTORY, USE_EXTERNAL_EMOJIS, CONNECT, SPEAK,
            USE_VAD, CHANGE_NICKNAME, USE_EXTERNAL_STICKERS, CREATE_EXPRESSIONS);

    private final int position;

    Permission(int position) {
        this.position = position;
    }

    public int position() {
        return position;
    }

    public long bit() {
        return 1L << position;
    }

    public static long of(Permission... permissions) {
        long set = 0;
        for (Permission p : permissions) {
            set |= p.bit();
        }
        return set;
    }

    public static boolean has(long set, Permission permission) {
        return (set & permission.bit()) != 0;
    }

    /** JSON carries bit sets as decimal strings. */
    public static String toWire(long set) {
        return Long.toUnsignedString(set);
    }

    /** Parses a decimal bit set; rejects anything else and bits the contract does not define. */
    public static long fromWire(String wire) {
        if (wire == null || wire.isEmpty() || wire.length() > 20 || !wire.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("permissions must be a decimal string");
        }
        long set;
        try {
            set = Long.parseUnsignedLong(wire);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("permissions out of range");
        }
        if ((set & ~ALL) != 0) {
            throw new IllegalArgumentException("unknown permission bits " + Long.toUnsignedString(set & ~ALL));
        }
        return set;
    }
}
