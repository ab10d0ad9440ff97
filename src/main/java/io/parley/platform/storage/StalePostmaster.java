package io.parley.platform.storage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A postmaster left running by a Parley that was killed (kill -9 leaves it daemonized) holds
 * the data directory's lock; the next start would wait and fail. This finds and stops it.
 */
final class StalePostmaster {
    private static final Logger log = LoggerFactory.getLogger(StalePostmaster.class);

    private StalePostmaster() {
    }

    static void stopIfRunning(Path pgData) throws IOException {
        Path pidFile = pgData.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty()) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(lines.get(0).trim());
        } catch (NumberFormatException e) {
            return;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(StalePostmaster::isPostgres);
        if (process.isEmpty()) {
            return; // PostgreSQL itself ignores a pid file whose process is gone
        }
        log.warn("a PostgreSQL server (pid {}) left by an earlier run still holds {}; stopping it", pid, pgData);
        ProcessHandle postmaster = process.get();
        try {
            // SIGINT is PostgreSQL's "fast" shutdown: roll back, close, checkpoint.
            new ProcessBuilder("kill", "-INT", Long.toString(pid)).inheritIO().start().waitFor(5, TimeUnit.SECONDS);
            postmaster.onExit().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            log.warn("the stale postmaster did not stop in time ({}); killing it", e.toString());
            postmaster.destroyForcibly();
        }
    }

    private static boolean isPostgres(ProcessHandle handle) {
        return handle.info().command().map(cmd -> cmd.endsWith("postgres") || cmd.endsWith("postmaster")).orElse(false);
    }
}
