package io.parley.search;

/** One write to a search index, derived from one event; applying a change twice is harmless. */
public sealed interface IndexChange {

    /** A new message (or the same one again on replay). */
    record Put(SearchDocument document) implements IndexChange {
    }

    /** An edit: new content and the link/embed bits; attachment bits stay. */
    record Edit(long messageId, String content, int editableHas) implements IndexChange {
    }

    record Pin(long messageId, boolean pinned) implements IndexChange {
    }

    record Delete(long messageId) implements IndexChange {
    }

    record DeleteChannel(long channelId) implements IndexChange {
    }

    record DeleteGuild(long guildId) implements IndexChange {
    }

    /** A ban that deletes the user's messages from {@code fromId} on. */
    record DeleteAuthorSince(long guildId, long authorId, long fromId) implements IndexChange {
    }
}
