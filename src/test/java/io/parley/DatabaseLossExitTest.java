package io.parley;

import io.parley.testing.ApiClient;
import io.parley.testing.ApiClient.Account;
import io.parley.testing.ParleyProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static io.parley.testing.ApiClient.API;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A serving process whose database cannot come back exits non-zero after
 * {@code db.unavailable_exit_after_ms}, so the service manager starts a fresh one instead of
 * leaving a process that answers 503 forever.
 */
class DatabaseLossExitTest {
    private static final String PASSWORD = "correct horse battery";
    private static final long EXIT_AFTER_MS = 3000;

    @Test
    void aServerWhoseEmbeddedPostgresCannotBeRestartedExitsWithStatus3(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("parley.log");
        Path data = dir.resolve("data");
        ParleyProcess parley = ParleyProcess.start(data, log, "-Dparley.db.embedded.shared_buffers_mb=128",
                "-Dparley.db.health_check_interval_ms=200", "-Dparley.db.unavailable_exit_after_ms=" + EXIT_AFTER_MS);
        Process process = parley.process();
        try {
            ApiClient api = parley.awaitHealthy(120_000);
            Account user = api.register(PASSWORD);
            assertEquals(200, api.get(API + "/users/@me", user.token()).status());

            long pid = Long.parseLong(Files.readAllLines(data.resolve("postgres/postmaster.pid")).get(0).trim());
            ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow();
            // a lost control file: PostgreSQL cannot be started again on this data directory
            Files.move(data.resolve("postgres/global/pg_control"), data.resolve("postgres/global/pg_control.lost"));
            postmaster.destroyForcibly();

            ApiClient.Reply refused = awaitStatus(api, user, 503);
            assertEquals("DATABASE_UNAVAILABLE", refused.errorCode());
            assertTrue(refused.header("Retry-After") != null, "503 says when to retry");
            assertTrue(process.waitFor(EXIT_AFTER_MS + 60_000, TimeUnit.MILLISECONDS),
                    () -> "the process exits once the database stays away:\n" + parley.log());
            assertEquals(3, process.exitValue(), () -> parley.log());
            String output = parley.log();
            assertTrue(output.contains("giving up"), output);
            output.lines().filter(line -> line.contains("giving up") || line.contains("exiting with status")
                    || line.contains("Parley stopped") || line.contains("unreachable;"))
                    .forEach(line -> System.out.println("DatabaseLossExitTest child: " + line));
        } finally {
            parley.close();
            ProcessHandle.allProcesses()
                    .filter(p -> p.info().command().map(c -> c.startsWith(data.toAbsolutePath().toString())).orElse(false))
                    .forEach(ProcessHandle::destroyForcibly);
        }
    }

    private static ApiClient.Reply awaitStatus(ApiClient api, Account user, int status) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        ApiClient.Reply reply = null;
        while (System.currentTimeMillis() < deadline) {
            reply = api.get(API + "/users/@me", user.token());
            if (reply.status() == status) {
                return reply;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no " + status + " within 30 s; last: " + reply);
    }
}
