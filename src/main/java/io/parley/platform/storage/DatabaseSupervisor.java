package io.parley.platform.storage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * Watches PostgreSQL from a thread of its own: a dedicated connection is checked every
 * {@code db.health_check_interval_ms}. An embedded server whose postmaster died is started
 * again on the same data directory and port, so the pools reconnect to the address they know;
 * an external one is only waited for. Unreachable past {@code db.unavailable_exit_after_ms},
 * the node gives up ({@code onLost}: the server exits so its supervisor restarts it).
 */
public final class DatabaseSupervisor implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DatabaseSupervisor.class);
    private static final int PROBE_TIMEOUT_SECONDS = 2;

    /** What /_health and the metrics show. */
    public record State(boolean up, long downForMs, int restarts) {
    }

    private final DbEndpoint endpoint;
    private final EmbeddedPostgresServer embedded;
    private final long intervalMs;
    private final long exitAfterMs;
    private final Runnable onLost;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean up = true;
    private volatile long downSinceNanos;
    private volatile int restarts;
    private boolean lost;
    private boolean restartFailed;
    private Connection probe;

    DatabaseSupervisor(DbEndpoint endpoint, EmbeddedPostgresServer embedded, long intervalMs, long exitAfterMs,
                       Runnable onLost) {
        this.endpoint = endpoint;
        this.embedded = embedded;
        this.intervalMs = intervalMs;
        this.exitAfterMs = exitAfterMs;
        this.onLost = onLost;
        this.thread = new Thread(this::run, "parley-db-supervisor");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** False from the first failed check until one succeeds: commands are refused at once meanwhile. */
    public boolean up() {
        return up;
    }

    public State state() {
        long since = downSinceNanos;
        return new State(up, up ? 0 : (System.nanoTime() - since) / 1_000_000, restarts);
    }

    private void run() {
        while (running) {
            boolean ok = check();
            if (!ok && running) {
                wentDown();
                if (embedded != null && !embedded.postmasterAlive()) {
                    ok = restartEmbedded() && check();
                    if (!ok) {
                        wentDown(); // a failed start can take up to the startup timeout: is it time to give up?
                    }
                }
            }
            if (ok) {
                recovered();
            }
            try {
                Thread.sleep(intervalMs);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private boolean check() {
        if (embedded != null && !embedded.postmasterAlive()) {
            closeProbe();
            return false;
        }
        try {
            if (probe == null || !probe.isValid(PROBE_TIMEOUT_SECONDS)) {
                closeProbe();
                probe = connect();
            }
            return probe.isValid(PROBE_TIMEOUT_SECONDS);
        } catch (SQLException e) {
            closeProbe();
            return false;
        }
    }

    private Connection connect() throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", endpoint.user());
        props.setProperty("password", endpoint.password());
        props.setProperty("connectTimeout", Integer.toString(PROBE_TIMEOUT_SECONDS));
        props.setProperty("socketTimeout", Integer.toString(PROBE_TIMEOUT_SECONDS * 2));
        props.setProperty("ApplicationName", "parley-db-supervisor");
        return DriverManager.getConnection(endpoint.jdbcUrl(), props);
    }

    private boolean restartEmbedded() {
        if (restartFailed) {
            return false;
        }
        log.error("the embedded PostgreSQL's postmaster is gone; starting it again on port {}", endpoint.port());
        try {
            embedded.restart();
            restarts++;
            return true;
        } catch (Exception | LinkageError e) {
            // The library keeps the data directory's lock when a start fails, so no later
            // attempt in this process can succeed: a fresh process (after the exit) gets the next.
            restartFailed = true;
            log.error("starting the embedded PostgreSQL again failed; not retrying in this process{}",
                    exitAfterMs > 0 ? " (it exits after db.unavailable_exit_after_ms)" : "", e);
            return false;
        }
    }

    private void recovered() {
        if (!up) {
            log.warn("PostgreSQL is reachable again after {} ms", (System.nanoTime() - downSinceNanos) / 1_000_000);
        }
        up = true;
        lost = false;
    }

    private void wentDown() {
        long now = System.nanoTime();
        if (up) {
            downSinceNanos = now;
            up = false;
            log.error("PostgreSQL at {}:{} is unreachable; requests that need it answer 503", endpoint.host(),
                    endpoint.port());
        }
        long downMs = TimeUnit.NANOSECONDS.toMillis(now - downSinceNanos);
        if (exitAfterMs > 0 && downMs >= exitAfterMs && !lost) {
            lost = true;
            log.error("PostgreSQL has been unreachable for {} ms (db.unavailable_exit_after_ms = {}); giving up",
                    downMs, exitAfterMs);
            // its own thread: the exit runs the shutdown, which closes this supervisor and waits for it
            Thread giveUp = new Thread(onLost, "parley-db-lost");
            giveUp.start();
        }
    }

    private void closeProbe() {
        if (probe != null) {
            try {
                probe.close();
            } catch (SQLException ignored) {
                // the connection is already broken
            }
            probe = null;
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        if (Thread.currentThread() != thread) {
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        closeProbe();
    }
}
