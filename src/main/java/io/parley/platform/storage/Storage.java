package io.parley.platform.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.parley.platform.config.ParleyConfig;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;

/**
 * PostgreSQL for one node: the embedded server or the configured one, migrated by Flyway,
 * reached through JDBC (Axon's threads) and the reactive client (event loops).
 */
public final class Storage implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Storage.class);

    private final DbEndpoint endpoint;
    private final HikariDataSource dataSource;
    private final EmbeddedPostgresServer embedded;
    private final ThreadBoundTransactions transactions;
    private final ParleyConfig.Db config;
    private final DataDirLock lock;
    private volatile DatabaseSupervisor supervisor;

    private Storage(DbEndpoint endpoint, HikariDataSource dataSource, EmbeddedPostgresServer embedded,
                    ParleyConfig.Db config, DataDirLock lock) {
        this.endpoint = endpoint;
        this.dataSource = dataSource;
        this.embedded = embedded;
        this.config = config;
        this.lock = lock;
        this.transactions = new ThreadBoundTransactions(dataSource);
    }

    /**
     * Blocking: call from a startup thread, never from an event loop. With the embedded
     * database, a data directory held by another running Parley is an error unless
     * {@code attachToRunning} (CLI commands), which then uses that Parley's server.
     */
    public static Storage open(ParleyConfig config, boolean attachToRunning) throws IOException {
        if (!config.db().isEmbedded()) {
            return connect(DbEndpoint.fromConfig(config.db()), null, config.db(), null);
        }
        DataDirLock lock = DataDirLock.tryAcquire(config.dataDir()).orElse(null);
        if (lock == null) {
            if (!attachToRunning) {
                throw new StorageException("data directory " + config.dataDir().toAbsolutePath()
                        + " is in use by another running Parley", null);
            }
            return connect(EmbeddedPostgresServer.runningIn(config.dataDir()), null, config.db(), null);
        }
        EmbeddedPostgresServer embedded;
        try {
            embedded = EmbeddedPostgresServer.start(config.dataDir(), config.db().embedded());
        } catch (IOException | RuntimeException e) {
            lock.close();
            throw e;
        }
        return connect(embedded.endpoint(), embedded, config.db(), lock);
    }

    private static Storage connect(DbEndpoint endpoint, EmbeddedPostgresServer embedded, ParleyConfig.Db config,
                                   DataDirLock lock) throws IOException {
        HikariDataSource dataSource = null;
        try {
            dataSource = dataSource(endpoint, config.jdbcPoolSize());
            Storage storage = new Storage(endpoint, dataSource, embedded, config, lock);
            storage.migrate();
            return storage;
        } catch (RuntimeException e) {
            if (dataSource != null) {
                dataSource.close();
            }
            if (embedded != null) {
                embedded.close();
            }
            if (lock != null) {
                lock.close();
            }
            throw e;
        }
    }

    private static HikariDataSource dataSource(DbEndpoint endpoint, int poolSize) {
        HikariConfig hikari = new HikariConfig();
        hikari.setJdbcUrl(endpoint.jdbcUrl());
        hikari.setUsername(endpoint.user());
        hikari.setPassword(endpoint.password());
        hikari.setMaximumPoolSize(poolSize);
        hikari.setPoolName("parley-jdbc");
        hikari.setConnectionTimeout(10_000);
        return new HikariDataSource(hikari);
    }

    public void migrate() {
        Flyway flyway = Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load();
        var result = flyway.migrate();
        log.info("schema at version {} ({} migrations applied now)", flyway.info().current().getVersion(),
                result.migrationsExecuted);
    }

    public Pool reactivePool(Vertx vertx) {
        PgConnectOptions connect = new PgConnectOptions()
                .setHost(endpoint.host())
                .setPort(endpoint.port())
                .setDatabase(endpoint.database())
                .setUser(endpoint.user())
                .setPassword(endpoint.password())
                .setCachePreparedStatements(true);
        return PgBuilder.pool()
                .with(new PoolOptions().setMaxSize(config.reactivePoolSize()).setMaxWaitQueueSize(10_000))
                .connectingTo(connect)
                .using(vertx)
                .build();
    }

    /**
     * Starts watching the database (serving nodes only; CLI commands do not): see
     * {@link DatabaseSupervisor}. {@code onLost} runs once the database has been unreachable
     * for {@code db.unavailable_exit_after_ms}.
     */
    public synchronized DatabaseSupervisor supervise(Runnable onLost) {
        if (supervisor == null) {
            supervisor = new DatabaseSupervisor(endpoint, embedded, config.healthCheckIntervalMs(),
                    config.unavailableExitAfterMs(), onLost);
            supervisor.start();
        }
        return supervisor;
    }

    public java.util.Optional<DatabaseSupervisor> supervisor() {
        return java.util.Optional.ofNullable(supervisor);
    }

    public ThreadBoundTransactions transactions() {
        return transactions;
    }

    public HikariDataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() throws IOException {
        if (supervisor != null) {
            supervisor.close(); // before the embedded server stops, or it would start it again
        }
        dataSource.close();
        if (embedded != null) {
            embedded.close();
        }
        if (lock != null) {
            lock.close();
        }
    }
}
