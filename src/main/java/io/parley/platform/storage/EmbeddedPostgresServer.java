package io.parley.platform.storage;

import io.parley.platform.config.ParleyConfig;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The PostgreSQL server Parley runs itself when no database URL is configured. Unlike the
 * library's test-oriented defaults it is durable (fsync and synchronous_commit on unless
 * configured off), keeps its data directory, and clears a postmaster orphaned by a crash.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    private final Path pgData;
    private final Path runtime;
    private final ParleyConfig.Embedded config;
    private EmbeddedPostgres postgres;
    private boolean closed;

    private EmbeddedPostgresServer(Path pgData, Path runtime, ParleyConfig.Embedded config, EmbeddedPostgres postgres) {
        this.pgData = pgData;
        this.runtime = runtime;
        this.config = config;
        this.postgres = postgres;
    }

    public static EmbeddedPostgresServer start(Path dataDir, ParleyConfig.Embedded config) throws IOException {
        Path pgData = dataDir.resolve("postgres").toAbsolutePath();
        // The library deletes stale sub-directories of its working directory, so the data
        // directory must not live inside it.
        Path runtime = dataDir.resolve("postgres-runtime").toAbsolutePath();
        Files.createDirectories(pgData);
        Files.createDirectories(runtime);
        StalePostmaster.stopIfRunning(pgData);
        return new EmbeddedPostgresServer(pgData, runtime, config, launch(pgData, runtime, config, config.port()));
    }

    private static EmbeddedPostgres launch(Path pgData, Path runtime, ParleyConfig.Embedded config, int port)
            throws IOException {
        long started = System.nanoTime();
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(pgData)
                .setCleanDataDirectory(false)
                // Parley stops the server itself, after Axon and the pools: the library's own
                // hook would race them and stop the database under in-flight work.
                .setRegisterShutdownHook(false)
                .setOverrideWorkingDirectory(runtime.toFile())
                .setPGStartupWait(Duration.ofSeconds(config.startupTimeoutSeconds()))
                .setServerConfig("fsync", config.fsync() ? "on" : "off")
                .setServerConfig("synchronous_commit", config.synchronousCommit() ? "on" : "off")
                .setServerConfig("full_page_writes", config.fsync() ? "on" : "off")
                .setServerConfig("max_connections", "200")
                // PostgreSQL's stock 128 MB is small next to a large guild's search table and
                // indexes: searches then read most of their pages anew (see docs/benchmarks.md)
                .setServerConfig("shared_buffers", config.sharedBuffersMb() + "MB")
                .setServerConfig("effective_cache_size", config.effectiveCacheSizeMb() + "MB")
                .setServerConfig("listen_addresses", "127.0.0.1");
        if (port != 0) {
            builder.setPort(port);
        }
        EmbeddedPostgres postgres = builder.start();
        log.info("embedded PostgreSQL on 127.0.0.1:{} with data in {} (fsync={}) started in {} ms",
                postgres.getPort(), pgData, config.fsync(), (System.nanoTime() - started) / 1_000_000);
        return postgres;
    }

    /**
     * Whether the postmaster named in postmaster.pid is alive. A postmaster killed outright
     * leaves its pid file behind, so a dead pid (or a missing file) means the server is gone.
     */
    public boolean postmasterAlive() {
        return StalePostmaster.runningPid(pgData).isPresent();
    }

    /**
     * Starts the server again after it died, on the same data directory and port so the pools'
     * addresses stay valid; PostgreSQL's crash recovery replays its WAL. Backends the dead
     * postmaster left (they hold its shared memory, which blocks a new start) are killed first.
     */
    public synchronized void restart() throws IOException {
        if (closed) {
            return;
        }
        int port = postgres.getPort();
        postgres.close(); // releases the library's lock; its pg_ctl stop fails on a dead server
        StalePostmaster.stopIfRunning(pgData);
        StalePostmaster.killOrphanedBackends(runtime);
        postgres = launch(pgData, runtime, config, port);
    }

    /** The server a live Parley runs on this data directory, from its postmaster.pid (line 4: port). */
    static DbEndpoint runningIn(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postgres").resolve("postmaster.pid");
        List<String> lines = Files.isRegularFile(pidFile) ? Files.readAllLines(pidFile) : List.of();
        if (lines.size() < 4) {
            throw new StorageException("data directory " + dataDir.toAbsolutePath()
                    + " is locked by another Parley but its PostgreSQL is not running", null);
        }
        return new DbEndpoint("127.0.0.1", Integer.parseInt(lines.get(3).trim()), "postgres", "postgres", "postgres");
    }

    public synchronized DbEndpoint endpoint() {
        return new DbEndpoint("127.0.0.1", postgres.getPort(), "postgres", "postgres", "postgres");
    }

    @Override
    public synchronized void close() throws IOException {
        closed = true;
        postgres.close();
    }
}
