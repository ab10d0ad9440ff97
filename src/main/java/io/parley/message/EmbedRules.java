package io.parley.message;

import io.parley.http.JsonInput;
import io.parley.http.TextRules;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** Discord's embed limits: checked field by field, the embeds stored as given when they pass (type defaulting to rich). */
final class EmbedRules {
    private static final int TOTAL_CHARACTERS = 6000;

    private EmbedRules() {
    }

    /** The embeds as JSON text, or "[]"; problems are recorded on {@code input}. */
    static String validate(JsonInput input, int maxEmbeds) {
        JsonArray embeds = input.array("embeds");
        if (embeds == null) {
            return "[]";
        }
        if (embeds.size() > maxEmbeds) {
            input.error("embeds", "At most " + maxEmbeds + " embeds");
            return "[]";
        }
        int total = 0;
        for (int i = 0; i < embeds.size(); i++) {
            String path = "embeds." + i;
            if (!(embeds.getValue(i) instanceof JsonObject embed)) {
                input.error(path, "Must be an object");
                continue;
            }
            if (embed.getValue("type") == null) {
                embed.put("type", "rich");
            }
            total += text(input, embed, path, "title", 256, false) + text(input, embed, path, "description", 4096, true);
            total += nested(input, embed, path, "footer", "text", 2048, true)
                    + nested(input, embed, path, "author", "name", 256, false);
            JsonArray fields = embed.getValue("fields") instanceof JsonArray f ? f : new JsonArray();
            if (fields.size() > 25) {
                input.error(path + ".fields", "At most 25 fields");
            }
            for (int f = 0; f < fields.size(); f++) {
                if (fields.getValue(f) instanceof JsonObject field) {
                    total += text(input, field, path + ".fields." + f, "name", 256, false)
                            + text(input, field, path + ".fields." + f, "value", 1024, true);
                } else {
                    input.error(path + ".fields." + f, "Must be an object");
                }
            }
        }
        if (total > TOTAL_CHARACTERS) {
            input.error("embeds", "Embeds may hold at most " + TOTAL_CHARACTERS + " characters in all");
        }
        return embeds.encode();
    }

    /** Titles and names are one line; descriptions, footers and field values may hold line breaks. */
    private static int text(JsonInput input, JsonObject object, String path, String key, int max, boolean multiline) {
        Object value = object.getValue(key);
        if (value == null) {
            return 0;
        }
        if (!(value instanceof String s)) {
            input.error(path + "." + key, "Must be a string");
            return 0;
        }
        String problem = TextRules.problem(s, multiline);
        if (problem != null) {
            input.error(path + "." + key, problem);
        } else if (s.length() > max) {
            input.error(path + "." + key, "Must be at most " + max + " characters long");
        }
        return s.length();
    }

    private static int nested(JsonInput input, JsonObject embed, String path, String object, String key, int max,
                              boolean multiline) {
        return embed.getValue(object) instanceof JsonObject inner
                ? text(input, inner, path + "." + object, key, max, multiline) : 0;
    }
}
