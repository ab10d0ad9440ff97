package io.parley.search;

import io.parley.testing.ApiClient;
import io.parley.testing.ApiClient.Account;
import io.parley.testing.Guilds;
import io.parley.testing.Guilds.Guild;
import io.parley.testing.TestParley;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static io.parley.testing.ApiClient.API;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** With meili.url set, Parley indexes into Meilisearch and searches there (the fake, over HTTP). */
class MeilisearchWiringTest {

    @Test
    void messagesAreIndexedInMeilisearchAndFoundThroughTheApi(@TempDir Path dataDir) throws Exception {
        try (FakeMeilisearch meili = new FakeMeilisearch();
             TestParley parley = TestParley.start(dataDir, Map.of("meili.url", meili.url(),
                     "meili.api_key", "secret", "meili.index", "wired"))) {
            ApiClient api = parley.client();
            Account owner = api.register("correct horse battery");
            Guild guild = Guilds.create(api, owner, "Meili");
            String sent = api.post(API + "/channels/" + guild.generalChannelId() + "/messages",
                    new JsonObject().put("content", "hello from the okapi"), owner.token()).json().getString("id");
            String search = API + "/guilds/" + guild.id() + "/messages/search?content=okapi";
            JsonObject found = null;
            for (int i = 0; i < 200 && (found == null || found.getInteger("total_results") != 1); i++) {
                ApiClient.Reply reply = api.get(search, owner.token());
                found = reply.status() == 200 ? reply.json() : null;
                Thread.sleep(50);
            }
            assertTrue(found != null && found.getInteger("total_results") == 1, "found " + found);
            assertEquals(sent, found.getJsonArray("messages").getJsonArray(0).getJsonObject(0).getString("id"));
            assertEquals(1, meili.documentCount("wired"), "the document went to Meilisearch");
            assertEquals(0, parley.client().get(API + "/guilds/" + guild.id() + "/messages/search?content=zebra",
                    owner.token()).json().getInteger("total_results"));
        }
    }
}
