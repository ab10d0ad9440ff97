package io.parley.gateway;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Generators of client frames for {@link GatewayFuzzTest}, each with the outcome the gateway must give it. */
final class GatewayFuzzFrames {
    /** What a frame is, which decides what the gateway must answer. */
    enum Kind { HEARTBEAT, NEEDS_SESSION, WRONG_TYPE, RANDOM_JSON, BINARY, OVERSIZED, TRUNCATED }

    record Frame(Kind kind, String text, byte[] binary) {
        /** Surrogates go as JSON escapes: a lone one would otherwise become '?' in the frame's UTF-8. */
        Frame {
            if (text != null) {
                StringBuilder escaped = new StringBuilder(text.length());
                text.chars().forEach(c -> {
                    if (Character.isSurrogate((char) c)) {
                        escaped.append(String.format("\\u%04x", c));
                    } else {
                        escaped.append((char) c);
                    }
                });
                text = escaped.toString();
            }
        }

        @Override
        public String toString() {
            return kind + ":" + (binary != null ? binary.length + " bytes" : text.length() > 300
                    ? text.substring(0, 300) + "…(" + text.length() + ")" : text);
        }
    }

    private enum Type { STRING, ID, INTEGER, COUNT, BOOLEAN, OBJECT, ARRAY }

    private static final Map<Integer, JsonObject> BASES = Map.of(
            2, new JsonObject().put("token", "not-a-token").put("intents", 1),
            3, new JsonObject().put("status", "online").putNull("since").put("afk", false).put("activities", new JsonArray()),
            4, new JsonObject().put("guild_id", "1").putNull("channel_id"),
            6, new JsonObject().put("token", "not-a-token").put("session_id", "s").put("seq", 0),
            8, new JsonObject().put("guild_id", "1").put("query", ""),
            14, new JsonObject().put("guild_id", "1"));
    private static final Map<Integer, Map<String, Type>> FIELDS = Map.of(
            2, Map.of("token", Type.STRING, "properties", Type.OBJECT, "compress", Type.BOOLEAN,
                    "large_threshold", Type.INTEGER, "shard", Type.ARRAY, "presence", Type.OBJECT, "intents", Type.INTEGER),
            3, Map.of("since", Type.INTEGER, "activities", Type.ARRAY, "status", Type.STRING, "afk", Type.BOOLEAN),
            4, Map.of("guild_id", Type.ID, "channel_id", Type.ID, "self_mute", Type.BOOLEAN, "self_deaf", Type.BOOLEAN,
                    "self_video", Type.BOOLEAN, "self_stream", Type.BOOLEAN),
            6, Map.of("token", Type.STRING, "session_id", Type.STRING, "seq", Type.COUNT),
            8, Map.of("guild_id", Type.ID, "query", Type.STRING, "limit", Type.COUNT, "presences", Type.BOOLEAN,
                    "user_ids", Type.ID, "nonce", Type.STRING),
            14, Map.of("guild_id", Type.ID, "typing", Type.BOOLEAN, "activities", Type.BOOLEAN, "threads", Type.BOOLEAN,
                    "members", Type.ARRAY, "channels", Type.OBJECT));

    private GatewayFuzzFrames() {
    }

    static Arbitrary<Frame> any() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(2, heartbeat()),
                net.jqwik.api.Tuple.of(2, needingSession()),
                net.jqwik.api.Tuple.of(6, wrongType()),
                net.jqwik.api.Tuple.of(3, randomJson()),
                net.jqwik.api.Tuple.of(1, binary()),
                net.jqwik.api.Tuple.of(1, oversized()),
                net.jqwik.api.Tuple.of(1, truncated()));
    }

    static Arbitrary<Frame> heartbeat() {
        return Arbitraries.oneOf(Arbitraries.just("null"), Arbitraries.integers().between(0, Integer.MAX_VALUE).map(String::valueOf))
                .map(d -> new Frame(Kind.HEARTBEAT, "{\"op\":1,\"d\":" + d + "}", null));
    }

    /** Well-formed op 3, 8 and 14: fine once identified, 4003 before. */
    static Arbitrary<Frame> needingSession() {
        Arbitrary<JsonObject> presence = Combinators.combine(Arbitraries.of("online", "idle", "dnd", "invisible"),
                cleanText()).as((status, name) -> new JsonObject().put("op", 3).put("d", new JsonObject()
                .put("status", status).putNull("since").put("afk", false)
                .put("activities", new JsonArray().add(new JsonObject().put("name", name.isEmpty() ? "x" : name).put("type", 0)))));
        Arbitrary<JsonObject> members = Combinators.combine(cleanText(), Arbitraries.integers().between(0, 100))
                .as((query, limit) -> new JsonObject().put("op", 8).put("d", new JsonObject().put("guild_id", "1")
                        .put("query", query.isEmpty() ? "a" : query).put("limit", limit).put("nonce", "n")));
        Arbitrary<JsonObject> lazy = Arbitraries.just(new JsonObject().put("op", 14).put("d", new JsonObject()
                .put("guild_id", "1").put("typing", true).put("channels", new JsonObject()
                        .put("2", new JsonArray().add(new JsonArray().add(0).add(99))))));
        return Arbitraries.oneOf(presence, members, lazy).map(p -> new Frame(Kind.NEEDS_SESSION, p.encode(), null));
    }

    /** A valid base frame of an opcode with one field (or the whole d) of a wrong type or with forbidden text. */
    static Arbitrary<Frame> wrongType() {
        Arbitrary<Frame> field = Arbitraries.of(List.copyOf(FIELDS.keySet())).flatMap(op -> {
            List<String> names = List.copyOf(FIELDS.get(op).keySet());
            return Arbitraries.of(names).flatMap(name -> wrongFor(FIELDS.get(op).get(name)).map(value -> {
                JsonObject d = BASES.get(op).copy().put(name, value);
                return new Frame(Kind.WRONG_TYPE, new JsonObject().put("op", op).put("d", d).encode(), null);
            }));
        });
        Arbitrary<Frame> wholeD = Arbitraries.of(1, 2, 3, 4, 5, 6, 8, 14).flatMap(op -> Arbitraries.oneOf(
                        Arbitraries.strings().ofMaxLength(10).map(s -> (Object) ("x" + s)), Arbitraries.just((Object) 1.5),
                        Arbitraries.just((Object) new JsonArray().add(1)), Arbitraries.just((Object) true))
                .map(d -> new Frame(Kind.WRONG_TYPE, new JsonObject().put("op", op).put("d", d).encode(), null)));
        Arbitrary<Frame> badText = Combinators.combine(Arbitraries.of(2, 3, 6, 8), badText()).as((op, text) -> {
            JsonObject d = BASES.get(op).copy();
            switch (op) {
                case 2, 6 -> d.put("token", text);
                case 3 -> d.put("activities", new JsonArray().add(new JsonObject().put("name", text)));
                default -> d.put("query", text);
            }
            return new Frame(Kind.WRONG_TYPE, new JsonObject().put("op", op).put("d", d).encode(), null);
        });
        return Arbitraries.oneOf(field, wholeD, badText);
    }

    private static Arbitrary<Object> wrongFor(Type type) {
        Arbitrary<Object> text = Arbitraries.strings().alpha().ofMaxLength(8).map(s -> "x" + s);
        Arbitrary<Object> integer = Arbitraries.integers().map(i -> i);
        Arbitrary<Object> fraction = Arbitraries.doubles().between(-1e6, 1e6).filter(x -> x != Math.rint(x)).map(x -> x);
        Arbitrary<Object> bool = Arbitraries.of(true, false).map(b -> b);
        Arbitrary<Object> array = Arbitraries.just(new JsonArray().add(new JsonObject()));
        Arbitrary<Object> object = Arbitraries.just(new JsonObject().put("k", 1));
        return switch (type) {
            case STRING -> Arbitraries.oneOf(integer, fraction, bool, array, object);
            case ID -> Arbitraries.oneOf(text, fraction, bool, array, object);
            case INTEGER -> Arbitraries.oneOf(text, fraction, bool, array, object);
            case COUNT -> Arbitraries.oneOf(text, fraction, bool, array, object, Arbitraries.integers().lessOrEqual(-1).map(i -> i));
            case BOOLEAN -> Arbitraries.oneOf(text, integer, fraction, array, object);
            case OBJECT -> Arbitraries.oneOf(text, integer, bool, array);
            case ARRAY -> Arbitraries.oneOf(text, integer, bool, object);
        };
    }

    /** Any JSON at all, with any opcode: the gateway answers with a documented close code or stays healthy. */
    static Arbitrary<Frame> randomJson() {
        Arbitrary<Object> op = Arbitraries.oneOf(Arbitraries.integers().between(-3, 20).map(i -> i),
                Arbitraries.just("2"), Arbitraries.just(2.0), Arbitraries.just(Long.MAX_VALUE), Arbitraries.just(null));
        return Combinators.combine(op, json(3)).as((o, d) -> new Frame(Kind.RANDOM_JSON,
                new JsonObject().put("op", o).put("d", d).encode(), null));
    }

    private static Arbitrary<Object> json(int depth) {
        Arbitrary<Object> leaf = Arbitraries.oneOf(Arbitraries.just(null), Arbitraries.of(true, false).map(b -> b),
                Arbitraries.integers().map(i -> i), Arbitraries.longs().map(l -> l),
                Arbitraries.doubles().map(x -> x), Arbitraries.strings().ofMaxLength(12).map(s -> s));
        if (depth == 0) {
            return leaf;
        }
        Arbitrary<Object> array = json(depth - 1).list().ofMaxSize(4).map(list -> new JsonArray(new java.util.ArrayList<>(list)));
        Arbitrary<Object> object = Arbitraries.maps(Arbitraries.of("token", "guild_id", "query", "status", "seq",
                        "activities", "intents", "shard", "user_ids", "x"), json(depth - 1)).ofMaxSize(4)
                .map(map -> new JsonObject(new java.util.HashMap<>(map)));
        return Arbitraries.oneOf(leaf, array, object);
    }

    static Arbitrary<Frame> binary() {
        return Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(200).map(b -> new Frame(Kind.BINARY, null, b));
    }

    static Arbitrary<Frame> oversized() {
        return Arbitraries.of(4097, 8000, 65_536, 70_000, 200_000).map(n -> new Frame(Kind.OVERSIZED,
                "{\"op\":1,\"d\":\"" + "x".repeat(n) + "\"}", null));
    }

    static Arbitrary<Frame> truncated() {
        return Arbitraries.oneOf(heartbeat(), needingSession()).flatMap(frame -> Arbitraries.integers()
                .between(1, frame.text().length() - 1)
                .map(cut -> new Frame(Kind.TRUNCATED, frame.text().substring(0, cut), null)));
    }

    private static Arbitrary<String> cleanText() {
        return Arbitraries.strings().withCharRange(' ', '~').withChars("éßяあ🎧".toCharArray()).ofMaxLength(20)
                .filter(s -> s.getBytes(StandardCharsets.UTF_8).length <= 32 && FrameText.clean(s));
    }

    private static Arbitrary<String> badText() {
        return Combinators.combine(Arbitraries.strings().alpha().ofMaxLength(5),
                Arbitraries.of("\u0000", "\u0001", "\t", "\n", "\u001b", "\ud800", "\udc00"))
                .as((prefix, bad) -> prefix + bad);
    }
}
