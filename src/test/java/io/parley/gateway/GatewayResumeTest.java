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

import java.util.ArrayList;
import java.util.List;

import static io.parley.testing.ApiClient.API;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** RESUME after a dropped connection: every missed dispatch in order, gapless, then RESUMED. */
@ExtendWith(SharedParley.class)
class GatewayResumeTest {

    @Test
    void aResumedSessionReceivesFiveHundredMissedMessagesInOrder(TestParley parley) {
        ApiClient api = parley.client();
        Account owner = api.register("correct horse battery");
        Account member = api.register("correct horse battery");
        Guild guild = Guilds.create(api, owner, "Resume");
        Guilds.join(api, member, guild, owner);
        int port = parley.node().httpPort();

        String sessionId;
        long seq;
        try (GatewayClient first = GatewayClient.connect(port, "v=10&encoding=json")) {
            first.next(5000);
            sessionId = first.identify(member.token(), 1 | (1 << 9)).getJsonObject("d").getString("session_id");
            seq = first.dispatch("GUILD_CREATE").getLong("s");
        }
        List<String> missed = new ArrayList<>();
        String messages = API + "/channels/" + guild.generalChannelId() + "/messages";
        for (int i = 0; i < 500; i++) {
            missed.add(api.post(messages, new JsonObject().put("content", "m" + i), owner.token()).json().getString("id"));
        }
        try (GatewayClient resumed = GatewayClient.connect(port, "v=10&encoding=json")) {
            resumed.next(5000);
            resumed.send(new JsonObject().put("op", 6).put("d", new JsonObject().put("token", member.token())
                    .put("session_id", sessionId).put("seq", seq)));
            long expected = seq + 1;
            for (String id : missed) {
                JsonObject dispatch = resumed.dispatch("MESSAGE_CREATE");
                assertEquals(expected++, dispatch.getLong("s"), "no gaps in s");
                assertEquals(id, dispatch.getJsonObject("d").getString("id"));
            }
            JsonObject done = resumed.dispatch("RESUMED");
            assertEquals(expected, done.getLong("s"));
        }
    }
}
