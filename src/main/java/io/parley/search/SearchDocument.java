package io.parley.search;

import java.util.List;

/** What the index keeps of one guild message: enough to match every filter, nothing to render. */
public record SearchDocument(long id, long guildId, long channelId, long authorId, String content,
                             List<Long> mentions, int has, boolean pinned) {
}
