package io.parley.platform.storage;

import io.parley.testing.ApiClient;
import io.parley.testing.ApiClient.Account;
import io.parley.testing.TestParley;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static io.parley.testing.ApiClient.API;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Parley on its embedded database, stopped and started again on the same data directory. */
class RestartTest {
    private static final String PASSWORD = "correct horse battery";

    @Test
    void accountsAndSessionsSurviveAFullRestart(@TempDir Path dataDir) throws Exception {
        Account account;
        try (TestParley first = TestParley.start(dataDir, Map.of())) {
            account = first.client().register(PASSWORD);
        }
        assertTrue(Files.isDirectory(dataDir.resolve("postgres")), "data lives in data/postgres");
        try (TestParley second = TestParley.start(dataDir, Map.of())) {
            ApiClient api = second.client();
            assertEquals(200, api.get(API + "/users/@me", account.token()).status(), "the old token still works");
            assertEquals(200, api.post(API + "/auth/login",
                    new JsonObject().put("login", account.username()).put("password", PASSWORD), null).status());
            assertEquals(400, api.post(API + "/auth/register", new JsonObject().put("username", account.username())
                    .put("email", "other@example.com").put("password", PASSWORD), null).status(),
                    "the username is still claimed");
        }
    }

    @Test
    void aPostmasterOrphanedByACrashIsStoppedAtStart(@TempDir Path dataDir) throws Exception {
        OrphanedPostgres.leaveRunningIn(dataDir);
        long orphanPid = Long.parseLong(Files.readAllLines(dataDir.resolve("postgres/postmaster.pid")).get(0).trim());
        assertTrue(ProcessHandle.of(orphanPid).isPresent());
        try (TestParley parley = TestParley.start(dataDir, Map.of())) {
            assertFalse(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive).orElse(false), "the orphan is gone");
            assertEquals(201, parley.client().post(API + "/auth/register", new JsonObject().put("username", "after_crash")
                    .put("email", "after@example.com").put("password", PASSWORD), null).status());
        }
    }

    @Test
    void aSecondServerOnALiveDataDirectoryRefusesToStart(@TempDir Path dataDir) throws Exception {
        try (TestParley first = TestParley.start(dataDir, Map.of())) {
            StorageException e = assertThrows(StorageException.class, () -> TestParley.start(dataDir, Map.of()));
            assertTrue(e.getMessage().contains("in use by another running Parley"), e.getMessage());
            assertEquals(200, first.client().get("/_health", null).status(), "the first one is unharmed");
        }
    }
}
