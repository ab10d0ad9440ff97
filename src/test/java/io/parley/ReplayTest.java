package io.parley;

import io.parley.testing.ApiClient.Account;
import io.parley.testing.TestParley;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static io.parley.testing.ApiClient.API;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** `parley replay`: read tables rebuilt from the event log answer as before. */
class ReplayTest {

    @Test
    void replayingEveryProjectionRebuildsTheReadTables(@TempDir Path dataDir) throws Exception {
        Account account;
        String guildId;
        try (TestParley parley = TestParley.start(dataDir, Map.of())) {
            account = parley.client().register("correct horse battery");
            guildId = parley.client().post(API + "/guilds", new JsonObject().put("name", "Kept"), account.token())
                    .json().getString("id");
        }
        assertEquals(0, Replay.run(TestParley.config(dataDir, Map.of()), "all"));
        try (TestParley parley = TestParley.start(dataDir, Map.of())) {
            assertEquals(200, parley.client().post(API + "/auth/login", new JsonObject()
                    .put("login", account.username()).put("password", "correct horse battery"), null).status());
            assertEquals("Kept", parley.client().get(API + "/guilds/" + guildId, account.token()).json()
                    .getString("name"));
        }
    }

    @Test
    void anUnknownProjectionIsRefused(@TempDir Path dataDir) throws Exception {
        assertEquals(2, Replay.run(TestParley.config(dataDir, Map.of()), "nonsense"));
    }
}
