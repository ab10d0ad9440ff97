package io.parley.gateway;

/** Gateway close codes, each with whether the client may resume after it (API.md "Gateway"). */
public enum CloseCode {
    UNKNOWN_ERROR(4000, "Unknown error", true),
    UNKNOWN_OPCODE(4001, "Unknown opcode", true),
    DECODE_ERROR(4002, "Decode error", true),
    NOT_AUTHENTICATED(4003, "Not authenticated", true),
    AUTHENTICATION_FAILED(4004, "Authentication failed", false),
    ALREADY_AUTHENTICATED(4005, "Already authenticated", true),
    INVALID_SEQ(4007, "Invalid seq", true),
    RATE_LIMITED(4008, "Rate limited", true),
    SESSION_TIMED_OUT(4009, "Session timed out", true),
    INVALID_SHARD(4010, "Invalid shard", false),
    SHARDING_REQUIRED(4011, "Sharding required", false),
    INVALID_API_VERSION(4012, "Invalid API version", false),
    BACKPRESSURE(4013, "Client too slow", true),
    DISALLOWED_INTENTS(4014, "Disallowed intents", false),
    /** RFC 6455's "service restart": the node is stopping, after op 7; clients resume (1000/1001 would not). */
    SERVICE_RESTART(1012, "Service restart", true);

    private final int code;
    private final String reason;
    private final boolean resumable;

    CloseCode(int code, String reason, boolean resumable) {
        this.code = code;
        this.reason = reason;
        this.resumable = resumable;
    }

    public short code() {
        return (short) code;
    }

    public String reason() {
        return reason;
    }

    public boolean resumable() {
        return resumable;
    }
}
