package io.parley.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** A temporary data directory a benchmark removes when it is done (a 1M-message database is gigabytes). */
final class BenchDataDir implements AutoCloseable {
    private final Path path;
    private final boolean keep;

    BenchDataDir() throws IOException {
        this(Files.createTempDirectory("parley-bench-"), false);
    }

    private BenchDataDir(Path path, boolean keep) {
        this.path = path;
        this.keep = keep;
    }

    /** A directory the benchmark leaves in place, so a later run reuses its data (-DdataDir). */
    static BenchDataDir kept(Path path) throws IOException {
        return new BenchDataDir(Files.createDirectories(path), true);
    }

    Path path() {
        return path;
    }

    @Override
    public void close() throws IOException {
        if (keep) {
            return;
        }
        try (Stream<Path> files = Files.walk(path)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }
}
