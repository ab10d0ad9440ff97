package io.parley.platform.storage;

import io.parley.platform.config.ParleyConfig;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Leaves an embedded PostgreSQL running on a data directory the way kill -9 of Parley does:
 * a child JVM starts it exactly as Parley would, then halts without running shutdown hooks.
 */
final class OrphanedPostgres {
    private OrphanedPostgres() {
    }

    static void leaveRunningIn(Path dataDir) throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), OrphanedPostgres.class.getName(), dataDir.toString())
                .inheritIO()
                .start();
        if (!child.waitFor(60, TimeUnit.SECONDS) || child.exitValue() != 0) {
            child.destroyForcibly();
            throw new IllegalStateException("the child JVM did not leave a PostgreSQL behind");
        }
    }

    public static void main(String[] args) throws Exception {
        EmbeddedPostgresServer.start(Path.of(args[0]), new ParleyConfig.Embedded(0, false, false, 30, 128, 4096));
        Runtime.getRuntime().halt(0);
    }
}
