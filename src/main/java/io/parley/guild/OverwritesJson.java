package io.parley.guild;

import io.parley.permission.Overwrite;
import io.parley.permission.OverwriteType;
import io.parley.permission.Permission;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;

/** Permission overwrites in their wire shape {@code {id, type, allow, deny}} (ids and bit sets as strings). */
public final class OverwritesJson {
    private OverwritesJson() {
    }

    public static JsonObject toJson(Overwrite o) {
        return new JsonObject()
                .put("id", Long.toString(o.id()))
                .put("type", o.type().wire())
                .put("allow", Permission.toWire(o.allow()))
                .put("deny", Permission.toWire(o.deny()));
    }

    public static String encode(List<Overwrite> overwrites) {
        JsonArray array = new JsonArray();
        overwrites.forEach(o -> array.add(toJson(o)));
        return array.encode();
    }

    public static List<Overwrite> decode(Object json) {
        JsonArray array = json instanceof JsonArray a ? a : new JsonArray(json == null ? "[]" : json.toString());
        List<Overwrite> overwrites = new ArrayList<>();
        for (Object item : array) {
            JsonObject o = (JsonObject) item;
            overwrites.add(new Overwrite(Long.parseLong(o.getString("id")), OverwriteType.fromWire(o.getInteger("type")),
                    Permission.fromWire(o.getString("allow")), Permission.fromWire(o.getString("deny"))));
        }
        return overwrites;
    }
}
