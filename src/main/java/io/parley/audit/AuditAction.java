package io.parley.audit;

/** Audit log action types, numbered as Discord numbers them. */
public enum AuditAction {
    GUILD_UPDATE(1),
    CHANNEL_CREATE(10), CHANNEL_UPDATE(11), CHANNEL_DELETE(12),
    CHANNEL_OVERWRITE_CREATE(13), CHANNEL_OVERWRITE_UPDATE(14), CHANNEL_OVERWRITE_DELETE(15),
    MEMBER_KICK(20), MEMBER_BAN_ADD(22), MEMBER_BAN_REMOVE(23), MEMBER_UPDATE(24), MEMBER_ROLE_UPDATE(25),
    MEMBER_MOVE(26), MEMBER_DISCONNECT(27),
    ROLE_CREATE(30), ROLE_UPDATE(31), ROLE_DELETE(32),
    INVITE_CREATE(40), INVITE_DELETE(42),
    EMOJI_CREATE(60), EMOJI_UPDATE(61), EMOJI_DELETE(62),
    STICKER_CREATE(90), STICKER_UPDATE(91), STICKER_DELETE(92),
    WEBHOOK_CREATE(50), WEBHOOK_UPDATE(51), WEBHOOK_DELETE(52);

    private final int type;

    AuditAction(int type) {
        this.type = type;
    }

    public int type() {
        return type;
    }
}
