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
            parley.client().patch(API + "/users/@me/settings", new JsonObject().put("theme", "light"), account.token());
            parley.client().patch(API + "/users/@me/guilds/" + guildId + "/settings",
                    new JsonObject().put("muted", true), account.token());
        }
        assertEquals(0, Replay.run(TestParley.config(dataDir, Map.of()), "all"));
        try (TestParley parley = TestParley.start(dataDir, Map.of())) {
            assertEquals(200, parley.client().post(API + "/auth/login", new JsonObject()
                    .put("login", account.username()).put("password", "correct horse battery"), null).status());
            assertEquals("Kept", parley.client().get(API + "/guilds/" + guildId, account.token()).json()
                    .getString("name"));
            assertEquals("light", parley.client().get(API + "/users/@me/settings", account.token()).json()
                    .getString("theme"));
            assertEquals(true, parley.client().get(API + "/users/@me/guilds/" + guildId + "/settings",
                    account.token()).json().getBoolean("muted"));
        }
    }

    @Test
    void anUnknownProjectionIsRefused(@TempDir Path dataDir) throws Exception {
        assertEquals(2, Replay.run(TestParley.config(dataDir, Map.of()), "nonsense"));
    }
}
