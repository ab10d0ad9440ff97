package io.parley.message;

/** A send repeated with the same nonce: the caller answers with the original message. */
public final class DuplicateNonce extends RuntimeException {
    private final long originalMessageId;

    public DuplicateNonce(long originalMessageId) {
        super("nonce already used by message " + originalMessageId, null, false, false);
        this.originalMessageId = originalMessageId;
    }

    public long originalMessageId() {
        return originalMessageId;
    }
}
