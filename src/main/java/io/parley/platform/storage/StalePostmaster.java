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
        Optional<ProcessHandle> process = runningPid(pgData);
        if (process.isEmpty()) {
            return; // PostgreSQL itself ignores a pid file whose process is gone
        }
        long pid = process.get().pid();
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

    /** The live postgres process postmaster.pid names, if any. */
    static Optional<ProcessHandle> runningPid(Path pgData) {
        List<String> lines;
        try {
            Path pidFile = pgData.resolve("postmaster.pid");
            lines = Files.isRegularFile(pidFile) ? Files.readAllLines(pidFile) : List.of();
        } catch (IOException e) {
            return Optional.empty(); // removed while being read: the server stopped
        }
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        try {
            return ProcessHandle.of(Long.parseLong(lines.get(0).trim())).filter(StalePostmaster::isPostgres);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * Backends of a postmaster killed outright: they exit by themselves once they notice, but
     * until then they keep its shared memory attached and a new postmaster refuses to start.
     * Only processes running this data directory's own binaries (under its runtime directory).
     */
    static void killOrphanedBackends(Path runtime) {
        String binaries = runtime.toAbsolutePath().toString();
        ProcessHandle.allProcesses()
                .filter(p -> p.info().command().map(cmd -> cmd.startsWith(binaries)).orElse(false))
                .forEach(p -> {
                    log.warn("killing postgres process {} left by the dead postmaster", p.pid());
                    p.destroyForcibly();
                });
    }

    private static boolean isPostgres(ProcessHandle handle) {
        return handle.info().command().map(cmd -> cmd.endsWith("postgres") || cmd.endsWith("postmaster")).orElse(false);
    }
}
