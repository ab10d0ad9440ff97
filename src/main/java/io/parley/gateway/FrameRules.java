package io.parley.gateway;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.Map;

/**
 * The shape of every client opcode's {@code d}: what a field must be when present. A frame that
 * breaks a rule closes with 4002 before it is acted on, so handlers only see well-typed values
 * and no string with NUL, another C0 control or a lone surrogate reaches presence or events.
 * Range checks with codes of their own (intents 4014, shard 4010) stay with their handlers.
 */
final class FrameRules {
    private static final int MAX_DEPTH = 16;
    private static final int MAX_NONCE_BYTES = 32;

    private FrameRules() {
    }

    /** Why {@code d} of {@code op} is malformed, or null when it is fine. */
    static String problem(int op, Object d) {
        String text = FrameText.problem(d, MAX_DEPTH);
        if (text != null) {
            return text;
        }
        return switch (op) {
            case Opcodes.HEARTBEAT -> d == null || isCount(d) ? null : "HEARTBEAT d must be the last seq or null";
            case Opcodes.IDENTIFY -> identify(d);
            case Opcodes.PRESENCE_UPDATE -> d instanceof JsonObject p ? PresenceRules.problem(p)
                    : "PRESENCE_UPDATE d must be an object";
            case Opcodes.VOICE_STATE_UPDATE -> voiceState(d);
            case Opcodes.VOICE_SERVER_PING -> d == null || d instanceof JsonObject ? null : "d must be an object or null";
            case Opcodes.RESUME -> resume(d);
            case Opcodes.REQUEST_GUILD_MEMBERS -> requestMembers(d);
            case Opcodes.LAZY_REQUEST -> lazyRequest(d);
            default -> null;
        };
    }

    private static String identify(Object raw) {
        if (!(raw instanceof JsonObject d)) {
            return "IDENTIFY d must be an object";
        }
        if (!(d.getValue("token") instanceof String token) || token.isEmpty()) {
            return "IDENTIFY needs d.token as a string";
        }
        String wrong = firstWrong(d, Map.of("properties", Kind.OBJECT, "compress", Kind.BOOLEAN,
                "large_threshold", Kind.INTEGER, "shard", Kind.ARRAY, "presence", Kind.OBJECT, "intents", Kind.INTEGER));
        if (wrong != null) {
            return "IDENTIFY " + wrong;
        }
        if (d.getValue("shard") instanceof JsonArray shard && !shard.stream().allMatch(FrameRules::isInteger)) {
            return "IDENTIFY shard must be [shard_id, num_shards]";
        }
        JsonObject properties = d.getJsonObject("properties");
        if (properties != null && !properties.stream().allMatch(e -> e.getValue() == null || e.getValue() instanceof String
                || e.getValue() instanceof Number || e.getValue() instanceof Boolean)) {
            return "IDENTIFY properties must map names to strings";
        }
        JsonObject presence = d.getJsonObject("presence");
        String presenceProblem = presence == null ? null : PresenceRules.problem(presence);
        return presenceProblem == null ? null : "IDENTIFY presence: " + presenceProblem;
    }

    private static String voiceState(Object raw) {
        if (!(raw instanceof JsonObject d)) {
            return "VOICE_STATE_UPDATE d must be an object";
        }
        if (!(d.getValue("guild_id") instanceof String guild) || !isId(guild)) {
            return "VOICE_STATE_UPDATE needs guild_id as an id";
        }
        if (d.getValue("channel_id") != null && !(d.getValue("channel_id") instanceof String c && isId(c))) {
            return "VOICE_STATE_UPDATE channel_id must be an id or null";
        }
        String wrong = firstWrong(d, Map.of("self_mute", Kind.BOOLEAN, "self_deaf", Kind.BOOLEAN,
                "self_video", Kind.BOOLEAN, "self_stream", Kind.BOOLEAN));
        return wrong == null ? null : "VOICE_STATE_UPDATE " + wrong;
    }

    private static String resume(Object raw) {
        if (!(raw instanceof JsonObject d) || !(d.getValue("token") instanceof String)
                || !(d.getValue("session_id") instanceof String) || !isCount(d.getValue("seq"))) {
            return "RESUME needs token, session_id and seq";
        }
        return null;
    }

    private static String requestMembers(Object raw) {
        if (!(raw instanceof JsonObject d)) {
            return "REQUEST_GUILD_MEMBERS d must be an object";
        }
        if (!isIdOrIds(d.getValue("guild_id"), false)) {
            return "REQUEST_GUILD_MEMBERS guild_id must be an id or a list of ids";
        }
        String wrong = firstWrong(d, Map.of("query", Kind.STRING, "limit", Kind.INTEGER, "presences", Kind.BOOLEAN,
                "nonce", Kind.STRING));
        if (wrong != null) {
            return "REQUEST_GUILD_MEMBERS " + wrong;
        }
        if (d.getValue("limit") instanceof Number limit && limit.longValue() < 0) {
            return "REQUEST_GUILD_MEMBERS limit must not be negative";
        }
        if (d.getValue("user_ids") != null && !isIdOrIds(d.getValue("user_ids"), true)) {
            return "REQUEST_GUILD_MEMBERS user_ids must be an id or a list of ids";
        }
        if (d.getValue("nonce") instanceof String nonce
                && nonce.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_NONCE_BYTES) {
            return "REQUEST_GUILD_MEMBERS nonce is over 32 bytes";
        }
        if (d.getValue("query") == null && d.getValue("user_ids") == null) {
            return "REQUEST_GUILD_MEMBERS needs query or user_ids";
        }
        return null;
    }

    private static String lazyRequest(Object raw) {
        if (!(raw instanceof JsonObject d)) {
            return "LAZY_REQUEST d must be an object";
        }
        if (d.getValue("guild_id") != null && !(d.getValue("guild_id") instanceof String g && isId(g))) {
            return "LAZY_REQUEST guild_id must be an id";
        }
        String wrong = firstWrong(d, Map.of("typing", Kind.BOOLEAN, "activities", Kind.BOOLEAN,
                "threads", Kind.BOOLEAN, "members", Kind.ARRAY, "channels", Kind.OBJECT));
        if (wrong != null) {
            return "LAZY_REQUEST " + wrong;
        }
        if (d.getValue("members") instanceof JsonArray members && !isIdOrIds(members, true)) {
            return "LAZY_REQUEST members must be a list of ids";
        }
        if (d.getValue("channels") instanceof JsonObject channels) {
            for (Map.Entry<String, Object> channel : channels) {
                if (!isId(channel.getKey()) || !(channel.getValue() instanceof JsonArray ranges)
                        || !ranges.stream().allMatch(FrameRules::isRange)) {
                    return "LAZY_REQUEST channels must map channel ids to [[start, end], ...]";
                }
            }
        }
        return null;
    }

    enum Kind { STRING, INTEGER, BOOLEAN, OBJECT, ARRAY }

    /** The first field present (not null) with another kind of value, as "name must be ...". */
    static String firstWrong(JsonObject d, Map<String, Kind> fields) {
        for (Map.Entry<String, Kind> field : fields.entrySet()) {
            Object value = d.getValue(field.getKey());
            if (value == null) {
                continue;
            }
            boolean ok = switch (field.getValue()) {
                case STRING -> value instanceof String;
                case INTEGER -> isInteger(value);
                case BOOLEAN -> value instanceof Boolean;
                case OBJECT -> value instanceof JsonObject;
                case ARRAY -> value instanceof JsonArray;
            };
            if (!ok) {
                return field.getKey() + " must be " + field.getValue().name().toLowerCase(java.util.Locale.ROOT);
            }
        }
        return null;
    }

    static boolean isInteger(Object value) {
        return value instanceof Integer || value instanceof Long;
    }

    private static boolean isCount(Object value) {
        return isInteger(value) && ((Number) value).longValue() >= 0;
    }

    private static boolean isRange(Object value) {
        return value instanceof JsonArray pair && pair.size() == 2 && isCount(pair.getValue(0)) && isCount(pair.getValue(1));
    }

    static boolean isId(String text) {
        if (text.isEmpty() || text.length() > 20) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        try {
            return Long.parseLong(text) >= 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** An id as a string, or as a number (some libraries send those). */
    private static boolean isIdValue(Object value) {
        return value instanceof String text ? isId(text) : isCount(value);
    }

    /** An id or a list of them; {@code emptyList} whether [] is acceptable. */
    private static boolean isIdOrIds(Object value, boolean emptyList) {
        if (value instanceof JsonArray many) {
            return (emptyList || !many.isEmpty()) && many.size() <= 100 && many.stream().allMatch(FrameRules::isIdValue);
        }
        return isIdValue(value);
    }
}
