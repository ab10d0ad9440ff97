package io.parley.gateway;

import io.parley.testing.ApiClient;
import io.parley.testing.ApiClient.Account;
import io.parley.testing.GatewayClient;
import io.parley.testing.Guilds;
import io.parley.testing.Guilds.Guild;
import io.parley.testing.SharedParley;
import io.parley.testing.TestParley;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static io.parley.testing.ApiClient.API;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** An overwrite that takes VIEW_CHANNEL away reads as CHANNEL_DELETE to those who lost it, CHANNEL_CREATE on return. */
@ExtendWith(SharedParley.class)
class ChannelVisibilityDispatchTest {
    private static final int GUILDS = 1;
    private static final String VIEW_CHANNEL = Long.toString(1L << 10);

    @Test
    void losingAndRegainingViewChannelBringsDeleteAndCreate(TestParley parley) {
        ApiClient api = parley.client();
        Account owner = api.register("correct horse battery");
        Account member = api.register("correct horse battery");
        Guild guild = Guilds.create(api, owner, "Hidden");
        Guilds.join(api, member, guild, owner);
        String channel = guild.generalChannelId();
        String overwrite = API + "/channels/" + channel + "/permissions/" + guild.id();
        try (GatewayClient ownerSession = session(parley, owner); GatewayClient memberSession = session(parley, member)) {
            ownerSession.dispatch("GUILD_CREATE");
            memberSession.dispatch("GUILD_CREATE");
            api.put(overwrite, new JsonObject().put("type", 0).put("allow", "0").put("deny", VIEW_CHANNEL), owner.token());
            assertEquals(channel, memberSession.dispatch("CHANNEL_DELETE").getJsonObject("d").getString("id"));
            assertEquals(channel, ownerSession.dispatch("CHANNEL_UPDATE").getJsonObject("d").getString("id"));
            api.delete(overwrite, owner.token());
            JsonObject back = memberSession.dispatch("CHANNEL_CREATE").getJsonObject("d");
            assertEquals(channel, back.getString("id"));
            assertEquals(guild.id(), back.getString("guild_id"));
            assertEquals(channel, ownerSession.dispatch("CHANNEL_UPDATE").getJsonObject("d").getString("id"));
        }
    }

    @Test
    void aReorderBringsChannelUpdateWithTheNewPosition(TestParley parley) {
        ApiClient api = parley.client();
        Account owner = api.register("correct horse battery");
        Account member = api.register("correct horse battery");
        Guild guild = Guilds.create(api, owner, "Ordered");
        Guilds.join(api, member, guild, owner);
        try (GatewayClient memberSession = session(parley, member)) {
            memberSession.dispatch("GUILD_CREATE");
            api.patch(API + "/guilds/" + guild.id() + "/channels", new io.vertx.core.json.JsonArray()
                    .add(new JsonObject().put("id", guild.generalChannelId()).put("position", 7)), owner.token());
            JsonObject moved = memberSession.dispatch("CHANNEL_UPDATE").getJsonObject("d");
            assertEquals(guild.generalChannelId(), moved.getString("id"));
            assertEquals(7, moved.getInteger("position"));
        }
    }

    private static GatewayClient session(TestParley parley, Account account) {
        GatewayClient client = GatewayClient.connect(parley.node().httpPort(), "v=10&encoding=json");
        client.next(5000);
        client.identify(account.token(), GUILDS);
        return client;
    }
}
