package io.parley.search;

import java.util.List;

/**
 * A validated search in one guild, restricted to {@code channelIds} (the caller may read each).
 * Empty lists mean "no filter"; {@code has} is a bit set that must all be present; ids are exclusive bounds.
 */
public record SearchQuery(long guildId, List<Long> channelIds, String content, List<Long> authorIds,
                          List<Long> mentions, int has, Boolean pinned, Long minId, Long maxId,
                          boolean byRelevance, boolean ascending, int offset, int limit) {

    /** The words searched for, lower case: split at ASCII punctuation and spaces, as the index splits content. */
    public List<String> words() {
        if (content == null || content.isBlank()) {
            return List.of();
        }
        return java.util.Arrays.stream(content.toLowerCase(java.util.Locale.ROOT).split("[\\p{Punct}\\s]+"))
                .filter(w -> !w.isEmpty()).toList();
    }
}
