package io.parley;

import io.parley.message.Mentions;
import io.parley.message.MessageEvents.MessagePosted;
import io.parley.testing.ApiClient;
import io.parley.testing.ApiClient.Account;
import io.parley.testing.ApiClient.Reply;
import io.parley.testing.Guilds;
import io.parley.testing.Guilds.Guild;
import io.parley.testing.TestParley;
import io.vertx.core.json.JsonObject;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.parley.testing.ApiClient.API;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An event in the log that PostgreSQL text refuses (a NUL byte, as an older Parley let through)
 * stalls neither the search indexer, whose writes wait for the batch's commit, nor the messages
 * projection: it is dead-lettered and later messages are indexed and listed.
 */
class PoisonEventTest {
    @Test
    void aMessageWithANulByteIsDeadLetteredWhileLaterMessagesAreSearchable(@TempDir Path dataDir) throws Exception {
        try (TestParley parley = TestParley.start(dataDir,
                Map.of("axon.handler_retries", "1", "axon.handler_retry_backoff_ms", "10"))) {
            ApiClient api = parley.client();
            Account owner = api.register("correct horse battery");
            Guild guild = Guilds.create(api, owner, "Hostile");
            long poisonId = 4_242_424_242L;
            MessagePosted poison = new MessagePosted(poisonId, Long.parseLong(guild.generalChannelId()),
                    Long.parseLong(guild.id()), Long.parseLong(owner.id()), 0, "aardvark \u0000 byte", null, false, "[]",
                    List.of(), null, Mentions.NONE, 0, Instant.now(), List.of(), null);
            parley.node().axon().eventStore().publish(
                    new GenericDomainEventMessage<>("MessageAggregate", Long.toString(poisonId), 0, poison));

            String messages = API + "/channels/" + guild.generalChannelId() + "/messages";
            Reply later = api.post(messages, new JsonObject().put("content", "zebra after the poison"), owner.token());
            assertEquals(200, later.status(), later.body());
            JsonObject found = api.eventually(API + "/guilds/" + guild.id() + "/messages/search?content=zebra",
                    owner.token(), r -> r.getInteger("total_results", 0) == 1);
            assertEquals(later.json().getString("id"),
                    found.getJsonArray("messages").getJsonArray(0).getJsonObject(0).getString("id"));

            JsonObject health = api.eventually("/_health", null, h -> h.getJsonObject("checks")
                    .getJsonObject("dead_letters").getJsonObject("processors").containsKey("search"));
            assertEquals("degraded", health.getString("status"));
            assertTrue(api.get(messages, owner.token()).body().contains("zebra after the poison"),
                    "the messages projection went on too");
        }
    }
}
