package io.parley.testing;

import io.parley.testing.ApiClient.Account;
import io.parley.testing.ApiClient.Reply;
import io.vertx.core.json.JsonObject;

import static io.parley.testing.ApiClient.API;

/** Steps many guild tests share: a guild with its default channel, and joining it by invite. */
public final class Guilds {
    private Guilds() {
    }

    public record Guild(String id, String generalChannelId) {
    }

    public static Guild create(ApiClient api, Account owner, String name) {
        Reply created = api.post(API + "/guilds", new JsonObject().put("name", name), owner.token());
        if (created.status() != 201) {
            throw new IllegalStateException("guild not created: " + created);
        }
        String id = created.json().getString("id");
        String channel = api.get(API + "/guilds/" + id + "/channels", owner.token())
                .jsonArray().getJsonObject(0).getString("id");
        return new Guild(id, channel);
    }

    public static String invite(ApiClient api, Account inviter, String channelId, JsonObject settings) {
        Reply invite = api.post(API + "/channels/" + channelId + "/invites", settings, inviter.token());
        if (invite.status() != 200) {
            throw new IllegalStateException("invite not created: " + invite);
        }
        return invite.json().getString("code");
    }

    public static void join(ApiClient api, Account member, Guild guild, Account inviter) {
        String code = invite(api, inviter, guild.generalChannelId(), new JsonObject().put("unique", true));
        Reply joined = api.post(API + "/invites/" + code, null, member.token());
        if (joined.status() != 200) {
            throw new IllegalStateException("join failed: " + joined);
        }
    }
}
