package io.parley;

import io.parley.platform.config.ConfigException;
import io.parley.platform.config.ParleyConfig;
import io.parley.platform.logging.LogFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Entry point: {@code parley [serve|create-bot NAME] [--config FILE]}; serve is the default. */
public final class Parley {
    private static final Logger log = LoggerFactory.getLogger(Parley.class);
    /** Exit status of a server whose database stayed unreachable past db.unavailable_exit_after_ms. */
    static final int EXIT_DATABASE_LOST = 3;
    private static final long STUCK_SHUTDOWN_HALT_MS = 30_000;

    private Parley() {
    }

    public static void main(String[] args) {
        List<String> words = new ArrayList<>();
        Optional<Path> configFile = Optional.empty();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--config") && i + 1 < args.length) {
                configFile = Optional.of(Path.of(args[++i]));
            } else if (args[i].equals("--help") || args[i].equals("-h")) {
                usage();
                return;
            } else {
                words.add(args[i]);
            }
        }
        ParleyConfig config;
        try {
            config = ParleyConfig.load(configFile);
        } catch (ConfigException e) {
            System.err.println("parley: invalid configuration: " + e.getMessage());
            System.exit(2);
            return;
        }
        LogFormat.apply(config.logFormat());
        ParleyConfig.values(configFile).unrecognisedEnvironment(System.getenv()).forEach(name -> log.warn(
                "environment variable {} sets no configuration key and is ignored (keys: config/parley.yaml)", name));
        String command = words.isEmpty() ? "serve" : words.get(0);
        try {
            switch (command) {
                case "serve" -> serve(config);
                case "migrate" -> migrate(config);
                case "replay" -> {
                    if (words.size() != 2) {
                        usage();
                        System.exit(2);
                    }
                    System.exit(Replay.run(config, words.get(1)));
                }
                case "dead-letters" -> System.exit(DeadLetters.run(config, words.subList(1, words.size()), System.out));
                case "config" -> printConfig(configFile);
                case "create-admin" -> {
                    if (words.size() != 3) {
                        usage();
                        System.exit(2);
                    }
                    System.exit(CreateAdmin.run(config, words.get(1), words.get(2),
                            System.getenv("PARLEY_ADMIN_PASSWORD")));
                }
                case "create-bot" -> {
                    if (words.size() != 2) {
                        usage();
                        System.exit(2);
                    }
                    System.exit(CreateBot.run(config, words.get(1)));
                }
                default -> {
                    System.err.println("parley: unknown command '" + command + "'");
                    usage();
                    System.exit(2);
                }
            }
        } catch (Exception e) {
            log.error("parley {} failed", command, e);
            System.exit(1);
        }
    }

    private static void serve(ParleyConfig config) throws Exception {
        // No signal drains the node: HotSpot suspends threads with SIGUSR2 (JFR's sampler does),
        // so a SIGUSR2 handler drained every session whenever the node was profiled.
        ParleyNode node = ParleyNode.start(config, Parley::exitForLostDatabase);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                node.close();
            } catch (Exception e) {
                log.warn("shutdown was not clean", e);
            }
        }, "parley-shutdown"));
    }

    /**
     * The database stayed unreachable: exit non-zero so the service manager (systemd, Docker,
     * Kubernetes) starts a fresh process. The shutdown hook still runs the graceful stop; a
     * stop stuck on the missing database is cut short.
     */
    private static void exitForLostDatabase() {
        log.error("exiting with status {}: the database stayed unreachable", EXIT_DATABASE_LOST);
        Thread halt = new Thread(() -> {
            try {
                Thread.sleep(STUCK_SHUTDOWN_HALT_MS);
            } catch (InterruptedException e) {
                return;
            }
            Runtime.getRuntime().halt(EXIT_DATABASE_LOST);
        }, "parley-exit-deadline");
        halt.setDaemon(true);
        halt.start();
        System.exit(EXIT_DATABASE_LOST);
    }

    private static void migrate(ParleyConfig config) throws Exception {
        try (var storage = io.parley.platform.storage.Storage.open(config, true)) {
            System.out.println("schema is up to date");
        }
    }

    /** The effective configuration, one key per line, with secrets masked. */
    private static void printConfig(Optional<Path> file) {
        new java.util.TreeMap<>(ParleyConfig.values(file).asMap()).forEach((key, value) ->
                System.out.println(key + " = " + ConfigMasking.mask(key, value)));
    }

    private static void usage() {
        System.err.println("""
                usage: parley [serve] [--config FILE]        run the server (the default)
                       parley create-bot NAME [--config FILE] create a bot account and print its token
                       parley migrate [--config FILE]          bring the database schema up to date
                       parley create-admin NAME EMAIL          create an operator account (password: PARLEY_ADMIN_PASSWORD or generated)
                       parley replay PROJECTION|all             rebuild read tables from the event log (through the running node if one serves)
                       parley dead-letters list                 events processors failed on and set aside (through the running node if one serves)
                       parley dead-letters retry|drop PROCESSOR [SEQUENCE]  handle them again (removed on success) or discard them
                       parley config [--config FILE]           print the effective configuration, secrets masked
                Every configuration key can also be set as PARLEY_<KEY> in the environment (see config/parley.yaml).""");
    }
}
