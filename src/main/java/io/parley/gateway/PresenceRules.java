package io.parley.gateway;

import io.parley.gateway.FrameRules.Kind;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.Map;

/** A presence as op 3 and IDENTIFY's {@code presence} carry it: since, activities, status, afk. */
final class PresenceRules {
    static final int MAX_ACTIVITIES = 10;
    private static final int MAX_TEXT = 128;

    private PresenceRules() {
    }

    /** Why the presence is malformed, or null. */
    static String problem(JsonObject d) {
        String wrong = FrameRules.firstWrong(d, Map.of("since", Kind.INTEGER, "activities", Kind.ARRAY,
                "status", Kind.STRING, "afk", Kind.BOOLEAN));
        if (wrong != null) {
            return wrong;
        }
        if (d.getValue("activities") instanceof JsonArray activities) {
            if (activities.size() > MAX_ACTIVITIES) {
                return "at most " + MAX_ACTIVITIES + " activities";
            }
            for (Object activity : activities) {
                String problem = activity instanceof JsonObject a ? activity(a) : "each activity must be an object";
                if (problem != null) {
                    return problem;
                }
            }
        }
        return null;
    }

    private static String activity(JsonObject a) {
        if (!(a.getValue("name") instanceof String name) || name.length() > MAX_TEXT) {
            return "an activity needs a name of at most " + MAX_TEXT + " characters";
        }
        String wrong = FrameRules.firstWrong(a, Map.of("type", Kind.INTEGER, "state", Kind.STRING,
                "details", Kind.STRING, "url", Kind.STRING, "emoji", Kind.OBJECT, "created_at", Kind.INTEGER,
                "timestamps", Kind.OBJECT));
        if (wrong != null) {
            return "activity " + wrong;
        }
        for (String text : new String[] {"state", "details", "url"}) {
            if (a.getValue(text) instanceof String value && value.length() > MAX_TEXT) {
                return "activity " + text + " is over " + MAX_TEXT + " characters";
            }
        }
        if (a.getValue("emoji") instanceof JsonObject emoji) {
            String emojiWrong = FrameRules.firstWrong(emoji, Map.of("name", Kind.STRING, "id", Kind.STRING,
                    "animated", Kind.BOOLEAN));
            if (emojiWrong != null) {
                return "activity emoji " + emojiWrong;
            }
        }
        if (a.getValue("timestamps") instanceof JsonObject timestamps) {
            String timeWrong = FrameRules.firstWrong(timestamps, Map.of("start", Kind.INTEGER, "end", Kind.INTEGER));
            if (timeWrong != null) {
                return "activity timestamps " + timeWrong;
            }
        }
        return null;
    }

    /** The activity with only the fields Parley knows, so nothing else is relayed to other users. */
    static JsonObject known(JsonObject a) {
        JsonObject out = new JsonObject().put("name", a.getString("name")).put("type", a.getValue("type", 0));
        for (String field : new String[] {"state", "details", "url", "created_at"}) {
            if (a.getValue(field) != null) {
                out.put(field, a.getValue(field));
            }
        }
        if (a.getValue("emoji") instanceof JsonObject emoji) {
            JsonObject e = new JsonObject().put("name", emoji.getString("name"));
            if (emoji.getValue("id") != null) {
                e.put("id", emoji.getString("id"));
            }
            if (emoji.getValue("animated") != null) {
                e.put("animated", emoji.getBoolean("animated"));
            }
            out.put("emoji", e);
        }
        if (a.getValue("timestamps") instanceof JsonObject timestamps) {
            JsonObject t = new JsonObject();
            for (String bound : new String[] {"start", "end"}) {
                if (timestamps.getValue(bound) != null) {
                    t.put(bound, timestamps.getValue(bound));
                }
            }
            out.put("timestamps", t);
        }
        return out;
    }
}
