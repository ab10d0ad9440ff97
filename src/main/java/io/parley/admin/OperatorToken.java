package io.parley.admin;

import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

/**
 * A random token a serving node writes, with its URL, to {@code <data.dir>/admin.json}
 * (readable by its owner only). Whoever can read the data directory may already read the
 * database, so the file grants nothing new; it lets {@code parley replay} on the same host
 * drive the running node's {@code /_admin} endpoints without an account.
 */
public final class OperatorToken implements AutoCloseable {
    public static final String FILE = "admin.json";

    private final String token;
    private volatile Path file;

    OperatorToken() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        this.token = HexFormat.of().formatHex(bytes);
    }

    /** Blocking (file write): call while the node starts, once its HTTP port is known. */
    void publish(Path dataDir, String url) throws IOException {
        Files.createDirectories(dataDir);
        Path target = dataDir.resolve(FILE);
        Files.deleteIfExists(target);
        try {
            Files.createFile(target, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(target);
        }
        Files.writeString(target, new JsonObject().put("url", url).put("token", token).encode(),
                StandardOpenOption.TRUNCATE_EXISTING);
        file = target;
    }

    /** The URL and token a running node left in {@code dataDir}, if any. */
    public static Optional<JsonObject> read(Path dataDir) throws IOException {
        Path file = dataDir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        return Optional.of(new JsonObject(Files.readString(file)));
    }

    /** Constant-time comparison. */
    public boolean matches(String candidate) {
        return candidate != null && MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8),
                candidate.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() throws IOException {
        if (file == null) {
            return;
        }
        String current = Files.isRegularFile(file) ? Files.readString(file) : "";
        // another node sharing the directory may have written its own since
        if (current.contains(token)) {
            Files.deleteIfExists(file);
        }
    }
}
