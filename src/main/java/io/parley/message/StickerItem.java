package io.parley.message;

import io.vertx.core.json.JsonObject;

/** A sticker as a message carries it ({@code sticker_items}): what it was when the message was sent. */
public record StickerItem(long id, String name, int formatType) {

    public JsonObject toJson() {
        return new JsonObject().put("id", Long.toString(id)).put("name", name).put("format_type", formatType);
    }
}
