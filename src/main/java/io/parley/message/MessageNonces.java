package io.parley.message;

import java.util.Optional;

/**
 * De-duplication of sends by (author, nonce) within a window: a claim joins the posting
 * command's transaction, so a second identical send waits for the first and then sees it.
 */
public interface MessageNonces {

    /** Claims the nonce for {@code messageId}; returns the message that already holds it, if any. */
    Optional<Long> claim(long authorId, String nonce, long messageId);
}
