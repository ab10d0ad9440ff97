package io.parley.message;

/** Message flag bits (API.md "Types and limits"). */
final class MessageFlags {
    static final int SUPPRESS_EMBEDS = 1 << 2;
    static final int SUPPRESS_NOTIFICATIONS = 1 << 12;
    /** What a sender may set or clear; other bits belong to the server. */
    static final int EDITABLE = SUPPRESS_EMBEDS | SUPPRESS_NOTIFICATIONS;

    private MessageFlags() {
    }
}
