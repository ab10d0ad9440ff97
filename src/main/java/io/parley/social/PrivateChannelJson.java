package io.parley.social;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** The wire shape of a DM or group DM channel. */
public final class PrivateChannelJson {
    public static final int DM = 1;
    public static final int GROUP_DM = 3;

    private PrivateChannelJson() {
    }

    public static JsonObject of(long id, int type, Long ownerId, String name, Long lastMessageId, JsonArray recipients) {
        JsonObject json = new JsonObject().put("id", Long.toString(id)).put("type", type)
                .put("last_message_id", lastMessageId == null ? null : lastMessageId.toString())
                .put("recipients", recipients).put("flags", 0);
        if (type == GROUP_DM) {
            json.put("owner_id", ownerId == null ? null : ownerId.toString()).put("name", name).put("icon", null);
        }
        return json;
    }
}
