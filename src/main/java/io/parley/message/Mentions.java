package io.parley.message;

import java.util.List;

/** Who a message mentions, after parsing its content and applying {@code allowed_mentions}. */
public record Mentions(List<Long> users, List<Long> roles, boolean everyone) {
    public static final Mentions NONE = new Mentions(List.of(), List.of(), false);
}
