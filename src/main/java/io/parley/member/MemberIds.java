package io.parley.member;

/** Member aggregate identifiers: one per (guild, user). */
public final class MemberIds {
    private MemberIds() {
    }

    public static String of(long guildId, long userId) {
        return guildId + ":" + userId;
    }
}
