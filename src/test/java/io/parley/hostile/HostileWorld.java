package io.parley.hostile;

import io.parley.testing.ApiClient;
import io.parley.testing.ApiClient.Account;
import io.parley.testing.ApiClient.Reply;
import io.parley.testing.Guilds;
import io.vertx.core.json.JsonObject;

import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;

import static io.parley.testing.ApiClient.API;

/** What one worker of the hostile suite writes to: its own account, guild, channel, role, webhook, emoji and sticker. */
final class HostileWorld {
    private static final AtomicInteger UNIQUE = new AtomicInteger();
    private static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    final ApiClient api;
    final Account owner;
    final String guildId;
    final String channelId;
    final String roleId;
    final String webhookId;
    final String webhookToken;
    final String emojiId;
    final String stickerId;
    final String messageId;

    HostileWorld(ApiClient api) {
        this.api = api;
        owner = api.register("correct horse battery");
        Guilds.Guild guild = Guilds.create(api, owner, "hostile world");
        guildId = guild.id();
        channelId = guild.generalChannelId();
        roleId = created(api.post(API + "/guilds/" + guildId + "/roles", new JsonObject().put("name", "r"), owner.token()));
        Reply webhook = api.post(API + "/channels/" + channelId + "/webhooks", new JsonObject().put("name", "w"), owner.token());
        webhookId = created(webhook);
        webhookToken = webhook.json().getString("token");
        String image = "data:image/png;base64," + Base64.getEncoder().encodeToString(PNG);
        emojiId = created(api.post(API + "/guilds/" + guildId + "/emojis", new JsonObject().put("name", "emo")
                .put("image", image), owner.token()));
        stickerId = created(api.post(API + "/guilds/" + guildId + "/stickers", new JsonObject().put("name", "stick")
                .put("tags", "tag").put("image", image), owner.token()));
        messageId = created(api.post(API + "/channels/" + channelId + "/messages", new JsonObject().put("content", "m"),
                owner.token()));
    }

    String unique() {
        return "hw" + ProcessHandle.current().pid() + "_" + UNIQUE.incrementAndGet();
    }

    private static String created(Reply reply) {
        if (reply.status() != 200 && reply.status() != 201) {
            throw new IllegalStateException("hostile world setup failed: " + reply);
        }
        return reply.json().getString("id");
    }
}
