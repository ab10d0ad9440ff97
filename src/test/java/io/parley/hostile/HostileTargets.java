package io.parley.hostile;

import io.parley.testing.ApiClient.Reply;
import io.parley.testing.FormData;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;

import static io.parley.hostile.HostileStrings.json;
import static io.parley.hostile.HostileStrings.percent;
import static io.parley.testing.ApiClient.API;

/** Every string field of every write route (and the text path and query parameters), as the hostile suite hits them. */
final class HostileTargets {
    private static final String PASSWORD = json("correct horse battery");

    /** One hostile request; {@code readBack} tells, after a 2xx, what differs from what was sent (null: nothing). */
    record Shot(Reply reply, Function<Reply, String> readBack) {
    }

    record Target(String name, int weight, BiFunction<HostileWorld, String, Shot> hit) {
    }

    private HostileTargets() {
    }

    static List<Target> all() {
        return List.of(
                new Target("register.username", 2, (w, h) -> register(w, "{\"username\":" + json(h) + ",\"email\":"
                        + json(w.unique() + "@example.com") + ",\"password\":" + PASSWORD + "}", "username", h)),
                new Target("register.email", 2, (w, h) -> register(w, "{\"username\":" + json(w.unique()) + ",\"email\":"
                        + json(h) + ",\"password\":" + PASSWORD + "}", null, h)),
                new Target("register.global_name", 2, (w, h) -> register(w, "{\"username\":" + json(w.unique())
                        + ",\"email\":" + json(w.unique() + "@example.com") + ",\"password\":" + PASSWORD
                        + ",\"global_name\":" + json(h) + "}", "global_name", h)),
                new Target("login.login", 1, (w, h) -> new Shot(w.api.post(API + "/auth/login", "{\"login\":" + json(h)
                        + ",\"password\":\"x\"}", null), r -> "a login with " + h + " succeeded")),
                new Target("users.me.global_name", 6, (w, h) -> meField(w, "global_name", h)),
                new Target("users.me.bio", 6, (w, h) -> meField(w, "bio", h)),
                new Target("users.me.username", 3, (w, h) -> meField(w, "username", h)),
                new Target("guild.create.name", 1, (w, h) -> {
                    Reply reply = w.api.post(API + "/guilds", "{\"name\":" + json(h) + "}", w.owner.token());
                    return new Shot(reply, r -> same(h.strip(), w.api.get(API + "/guilds/" + r.json().getString("id"),
                            w.owner.token()).json().getString("name")));
                }),
                new Target("guild.edit.name", 5, (w, h) -> edit(w, API + "/guilds/" + w.guildId, "name", h, h.strip(),
                        API + "/guilds/" + w.guildId, Function.identity())),
                new Target("guild.edit.description", 4, (w, h) -> edit(w, API + "/guilds/" + w.guildId, "description", h, h,
                        API + "/guilds/" + w.guildId, Function.identity())),
                new Target("channel.create.name", 2, (w, h) -> {
                    Reply reply = w.api.post(API + "/guilds/" + w.guildId + "/channels", "{\"name\":" + json(h) + "}",
                            w.owner.token());
                    return new Shot(reply, r -> same(h, w.api.get(API + "/channels/" + r.json().getString("id"),
                            w.owner.token()).json().getString("name")));
                }),
                new Target("channel.edit.name", 4, (w, h) -> edit(w, API + "/channels/" + w.channelId, "name", h, h,
                        API + "/channels/" + w.channelId, Function.identity())),
                new Target("channel.edit.topic", 4, (w, h) -> edit(w, API + "/channels/" + w.channelId, "topic", h, h,
                        API + "/channels/" + w.channelId, Function.identity())),
                new Target("role.create.name", 2, (w, h) -> {
                    Reply reply = w.api.post(API + "/guilds/" + w.guildId + "/roles", "{\"name\":" + json(h) + "}",
                            w.owner.token());
                    return new Shot(reply, r -> same(h, role(w, r.json().getString("id"))));
                }),
                new Target("role.edit.name", 4, (w, h) -> {
                    Reply reply = w.api.patch(API + "/guilds/" + w.guildId + "/roles/" + w.roleId, "{\"name\":" + json(h) + "}",
                            w.owner.token());
                    return new Shot(reply, r -> same(h, role(w, w.roleId)));
                }),
                new Target("member.nick", 5, (w, h) -> edit(w, API + "/guilds/" + w.guildId + "/members/@me", "nick", h, h,
                        API + "/guilds/" + w.guildId + "/members/" + w.owner.id(), Function.identity())),
                new Target("message.send.content", 10, (w, h) -> send(w, "{\"content\":" + json(h) + "}",
                        m -> same(h, m.getString("content")))),
                new Target("message.send.nonce", 2, (w, h) -> send(w, "{\"content\":\"n\",\"nonce\":" + json(h) + "}",
                        m -> null)),
                new Target("message.send.embed", 8, (w, h) -> {
                    String field = List.of("title", "description", "url", "color").get(Math.abs(h.hashCode()) % 4);
                    return send(w, "{\"embeds\":[{" + json(field) + ":" + json(h) + "}]}",
                            m -> same(h, m.getJsonArray("embeds").getJsonObject(0).getValue(field)));
                }),
                new Target("message.send.embed.fields", 4, (w, h) -> send(w, "{\"embeds\":[{\"fields\":[{\"name\":" + json(h)
                        + ",\"value\":" + json(h) + "}],\"footer\":{\"text\":" + json(h) + "},\"author\":{\"name\":"
                        + json(h) + "}}]}", m -> same(h, m.getJsonArray("embeds").getJsonObject(0).getJsonArray("fields")
                        .getJsonObject(0).getString("value")))),
                new Target("message.send.multipart", 2, (w, h) -> {
                    Reply reply = w.api.postForm(API + "/channels/" + w.channelId + "/messages", new FormData()
                            .field("payload_json", "{\"content\":" + json(h) + ",\"attachments\":[{\"id\":0,"
                                    + "\"description\":" + json(h) + "}]}")
                            .file("files[0]", h.isEmpty() ? "f.txt" : h, "text/plain", new byte[]{'x'}), w.owner.token());
                    return new Shot(reply, r -> same(h, w.api.get(API + "/channels/" + w.channelId + "/messages/"
                            + r.json().getString("id"), w.owner.token()).json().getString("content")));
                }),
                new Target("message.send.unknown_key", 3, (w, h) -> send(w, "{\"content\":\"k\",\"embeds\":[{\"title\":\"t\","
                        + json(h) + ":1}]," + json(h + "x") + ":" + json(h) + "}", m -> null)),
                new Target("message.edit.content", 5, (w, h) -> edit(w, API + "/channels/" + w.channelId + "/messages/"
                        + w.messageId, "content", h, h, API + "/channels/" + w.channelId + "/messages/" + w.messageId,
                        Function.identity())),
                new Target("webhook.create.name", 1, (w, h) -> new Shot(w.api.post(API + "/channels/" + w.channelId
                        + "/webhooks", "{\"name\":" + json(h) + "}", w.owner.token()), r -> same(h, w.api.get(API
                        + "/webhooks/" + r.json().getString("id"), w.owner.token()).json().getString("name")))),
                new Target("webhook.edit.name", 4, (w, h) -> edit(w, API + "/webhooks/" + w.webhookId, "name", h, h,
                        API + "/webhooks/" + w.webhookId, Function.identity())),
                new Target("webhook.execute", 2, (w, h) -> new Shot(w.api.post(API + "/webhooks/" + w.webhookId + "/"
                        + w.webhookToken + "?wait=true", "{\"content\":" + json(h) + ",\"username\":" + json(h) + "}", null),
                        r -> same(h, r.json().getString("content")))),
                new Target("emoji.edit.name", 3, (w, h) -> edit(w, API + "/guilds/" + w.guildId + "/emojis/" + w.emojiId,
                        "name", h, h, API + "/guilds/" + w.guildId + "/emojis/" + w.emojiId, Function.identity())),
                new Target("sticker.edit", 3, (w, h) -> {
                    String field = List.of("name", "tags", "description").get(Math.abs(h.hashCode()) % 3);
                    return edit(w, API + "/guilds/" + w.guildId + "/stickers/" + w.stickerId, field, h, h,
                            API + "/guilds/" + w.guildId + "/stickers/" + w.stickerId, Function.identity());
                }),
                new Target("invite.code", 3, (w, h) -> new Shot(w.api.get(API + "/invites/" + percent(h), w.owner.token()),
                        r -> "invite " + h + " exists")),
                new Target("invite.create", 1, (w, h) -> new Shot(w.api.post(API + "/channels/" + w.channelId + "/invites",
                        "{\"max_age\":" + json(h) + "}", w.owner.token()), r -> null)),
                new Target("relationship.username", 3, (w, h) -> new Shot(w.api.post(API + "/users/@me/relationships",
                        "{\"username\":" + json(h) + "}", w.owner.token()), r -> null)),
                new Target("dm.create", 2, (w, h) -> new Shot(w.api.post(API + "/users/@me/channels",
                        "{\"recipient_id\":" + json(h) + ",\"name\":" + json(h) + "}", w.owner.token()), r -> null)),
                new Target("search.query", 6, (w, h) -> {
                    String param = List.of("content", "author_id", "has", "sort_by", "limit", h).get(Math.abs(h.hashCode()) % 6);
                    return new Shot(w.api.get(API + "/guilds/" + w.guildId + "/messages/search?" + percent(param) + "="
                            + percent(h), w.owner.token()), r -> null);
                }),
                new Target("reaction.emoji", 3, (w, h) -> new Shot(w.api.put(API + "/channels/" + w.channelId + "/messages/"
                        + w.messageId + "/reactions/" + percent(h) + "/@me", null, w.owner.token()), r -> null)),
                new Target("ban.reason", 1, (w, h) -> new Shot(w.api.put(API + "/guilds/" + w.guildId + "/bans/1",
                        "{\"reason\":" + json(h) + "}", w.owner.token()), r -> null)));
    }

    private static Shot register(HostileWorld w, String body, String field, String hostile) {
        Reply reply = w.api.post(API + "/auth/register", body, null);
        return new Shot(reply, r -> field == null ? null
                : same(hostile, w.api.get(API + "/users/@me", r.json().getString("token")).json().getString(field)));
    }

    private static Shot meField(HostileWorld w, String field, String hostile) {
        return edit(w, API + "/users/@me", field, hostile, hostile, API + "/users/@me", Function.identity());
    }

    private static Shot edit(HostileWorld w, String path, String field, String hostile, String expected, String readPath,
                             Function<JsonObject, JsonObject> pick) {
        Reply reply = w.api.patch(path, "{" + json(field) + ":" + json(hostile) + "}", w.owner.token());
        return new Shot(reply, r -> same(expected, pick.apply(w.api.get(readPath, w.owner.token()).json()).getValue(field)));
    }

    private static Shot send(HostileWorld w, String body, Function<JsonObject, String> check) {
        Reply reply = w.api.post(API + "/channels/" + w.channelId + "/messages", body, w.owner.token());
        return new Shot(reply, r -> check.apply(w.api.get(API + "/channels/" + w.channelId + "/messages/"
                + r.json().getString("id"), w.owner.token()).json()));
    }

    private static String role(HostileWorld w, String roleId) {
        JsonArray roles = w.api.get(API + "/guilds/" + w.guildId + "/roles", w.owner.token()).jsonArray();
        return roles.stream().map(JsonObject.class::cast).filter(r -> roleId.equals(r.getString("id")))
                .map(r -> r.getString("name")).findFirst().orElse(null);
    }

    private static String same(Object expected, Object actual) {
        return Objects.equals(expected, actual) ? null
                : "read back " + HostileStrings.json(String.valueOf(actual)) + " instead";
    }
}
