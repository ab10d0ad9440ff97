package io.parley.platform.error;

/** Every error code Parley answers with: the HTTP status and the default message beside each. */
public enum ErrorCode {
    INVALID_FORM_BODY(400, "Input Validation Error"),
    INVALID_JSON(400, "The request body contains invalid JSON"),
    UNAUTHORIZED(401, "401: Unauthorized"),
    MISSING_PERMISSIONS(403, "Missing Permissions"),
    MISSING_ACCESS(403, "Missing Access"),
    NOT_FOUND(404, "404: Not Found"),
    UNKNOWN_USER(404, "Unknown User"),
    UNKNOWN_GUILD(404, "Unknown Guild"),
    UNKNOWN_CHANNEL(404, "Unknown Channel"),
    UNKNOWN_ROLE(404, "Unknown Role"),
    UNKNOWN_MEMBER(404, "Unknown Member"),
    UNKNOWN_OVERWRITE(404, "Unknown Overwrite"),
    UNKNOWN_BAN(404, "Unknown Ban"),
    UNKNOWN_INVITE(404, "Unknown Invite"),
    UNKNOWN_MESSAGE(404, "Unknown Message"),
    UNKNOWN_EMOJI(404, "Unknown Emoji"),
    UNKNOWN_APPLICATION(404, "Unknown Application"),
    MAX_GUILDS(400, "Maximum number of guilds reached"),
    MAX_CHANNELS(400, "Maximum number of guild channels reached"),
    MAX_ROLES(400, "Maximum number of guild roles reached"),
    MAX_INVITES(400, "Maximum number of invites reached"),
    MAX_REACTIONS(400, "Maximum number of reactions reached"),
    MAX_PINS(400, "Maximum number of pins reached for the channel"),
    MAX_EMOJIS(400, "Maximum number of emojis reached"),
    UNKNOWN_STICKER(404, "Unknown Sticker"),
    MAX_STICKERS(400, "Maximum number of stickers reached"),
    INVALID_STICKER(400, "Invalid sticker sent"),
    UNKNOWN_WEBHOOK(404, "Unknown Webhook"),
    INVALID_WEBHOOK_TOKEN(401, "Invalid Webhook Token"),
    MAX_WEBHOOKS(400, "Maximum number of webhooks reached"),
    CANNOT_EDIT_OTHERS_MESSAGE(403, "Cannot edit a message authored by another user"),
    CANNOT_SEND_EMPTY_MESSAGE(400, "Cannot send an empty message"),
    CANNOT_EXECUTE(400, "Cannot execute action on this channel type or guild"),
    OWNER_CANNOT_LEAVE(400, "The owner cannot leave the guild; transfer ownership or delete it"),
    USER_BANNED(403, "You are banned from this guild"),
    UNKNOWN_RELATIONSHIP(404, "Unknown Relationship"),
    CANNOT_FRIEND_SELF(400, "Cannot send a friend request to yourself"),
    FRIEND_REQUEST_BLOCKED(400, "Friend request blocked"),
    MAX_RELATIONSHIPS(400, "Maximum number of relationships reached"),
    MAX_GROUP_DM_RECIPIENTS(400, "Maximum number of group DM recipients reached"),
    CANNOT_SEND_TO_USER(403, "Cannot send messages to this user"),
    INVITE_EXPIRED(404, "Unknown Invite: it expired or ran out of uses"),
    METHOD_NOT_ALLOWED(405, "405: Method Not Allowed"),
    /** The request's body did not arrive within http.request_body_timeout_ms of its headers. */
    REQUEST_TIMEOUT(408, "The request was not received in time"),
    PAYLOAD_TOO_LARGE(413, "Request entity too large"),
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported Media Type"),
    /** The request line (method, path and query) is longer than http.max_initial_line_bytes. */
    URI_TOO_LONG(414, "The request line is too long"),
    /** The request's headers together are larger than http.max_header_bytes. */
    HEADERS_TOO_LARGE(431, "The request headers are too large"),
    /** HTTP the codec cannot read, or framing it refuses (both Content-Length and Transfer-Encoding). */
    MALFORMED_REQUEST(400, "The request is not valid HTTP"),
    RATE_LIMITED(429, "You are being rate limited."),
    INTERNAL_ERROR(500, "Internal Server Error"),
    SERVICE_UNAVAILABLE(503, "Service Unavailable"),
    /** PostgreSQL is unreachable (down, restarting, recovering); with Retry-After. */
    DATABASE_UNAVAILABLE(503, "The database is unavailable; retry shortly"),
    USER_NOT_IN_VOICE(400, "Target user is not connected to voice"),
    /** A CORS preflight from an origin not in http.cors_origins. */
    CORS_ORIGIN_NOT_ALLOWED(403, "This origin may not call the API from a browser"),
    /** /_admin/replay on a cluster node that does not hold the projection's processor. */
    PROJECTION_HELD_ELSEWHERE(409, "Another node holds this projection; replay it there"),
    /** Not an error reply: the 202 body of a search while the index is still being built. */
    SEARCH_INDEX_NOT_READY(202, "Index not yet available. Try again later");

    private final int status;
    private final String message;

    ErrorCode(int status, String message) {
        this.status = status;
        this.message = message;
    }

    public int status() {
        return status;
    }

    public String message() {
        return message;
    }
}
