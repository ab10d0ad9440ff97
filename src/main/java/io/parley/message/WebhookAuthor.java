package io.parley.message;

import io.vertx.core.json.JsonObject;

/**
 * Who a webhook's message shows as its author: the webhook's name, or the {@code username}
 * of that execution, and the {@code avatar_url} it was given (kept as sent; see docs/api.md).
 */
public record WebhookAuthor(long webhookId, String username, String avatarUrl) {

    /** A user object for the author, as Discord shows a webhook: a bot with the webhook's id. */
    public JsonObject toJson() {
        return new JsonObject().put("id", Long.toString(webhookId)).put("username", username)
                .put("discriminator", "0000").put("global_name", null).put("avatar", null).put("avatar_url", avatarUrl)
                .put("bot", true).put("system", false).put("flags", 0).put("public_flags", 0);
    }
}
