package io.parley.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** A temporary data directory a benchmark removes when it is done (a 1M-message database is gigabytes). */
final class BenchDataDir implements AutoCloseable {
    private final Path path;

    BenchDataDir() throws IOException {
        this.path = Files.createTempDirectory("parley-bench-");
    }

    Path path() {
        return path;
    }

    @Override
    public void close() throws IOException {
        try (Stream<Path> files = Files.walk(path)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }
}
