package io.parley.media;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.file.OpenOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The file store keeps what it is given under its root and nowhere else. */
class FileMediaStoreTest {
    @TempDir
    Path dir;
    private Vertx vertx;
    private FileMediaStore store;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        store = new FileMediaStore(vertx, dir.resolve("attachments"));
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    void bytesPutUnderAKeyReadBackAndDelete() throws Exception {
        byte[] bytes = "some media".getBytes();
        await(store.put("1/2", Buffer.buffer(bytes)));
        MediaFile file = await(store.open("1/2")).orElseThrow();
        assertEquals(bytes.length, file.size());
        assertArrayEquals(bytes, Files.readAllBytes(dir.resolve("attachments/1/2")));
        await(file.close());
        await(store.delete("1/2"));
        assertEquals(Optional.empty(), await(store.open("1/2")));
        await(store.delete("1/2"));
    }

    @Test
    void aStreamIsStoredWhole() throws Exception {
        byte[] bytes = new byte[300_000];
        new java.util.Random(7).nextBytes(bytes);
        Path source = Files.write(dir.resolve("source"), bytes);
        var file = await(vertx.fileSystem().open(source.toString(), new OpenOptions().setRead(true).setWrite(false)));
        await(store.put("3/4.bin", file));
        await(file.close());
        assertArrayEquals(bytes, Files.readAllBytes(dir.resolve("attachments/3/4.bin")));
        try (var incoming = Files.list(dir.resolve("attachments/.incoming"))) {
            assertEquals(0, incoming.count(), "nothing is left half-written");
        }
    }

    @Test
    void keysThatCouldLeaveTheRootAreRefused() {
        for (String key : new String[]{"../x", "a/../../x", "/etc/passwd", "a//b", "", ".incoming/x", "a/.hidden",
                "a\\b", "a/b/", "C:/x", "a\u0000b", "é"}) {
            assertThrows(IllegalArgumentException.class, () -> store.pathOf(key), key);
        }
        assertThrows(IllegalArgumentException.class, () -> store.pathOf(null));
        assertTrue(store.pathOf("123/456").startsWith(dir.resolve("attachments").toAbsolutePath()));
        assertFalse(Files.exists(dir.resolve("x")));
    }

    @Test
    void aMissingKeyOpensEmpty() {
        assertEquals(Optional.empty(), await(store.open("9/9")));
    }

    private static <T> T await(io.vertx.core.Future<T> future) {
        try {
            return future.await(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("no answer within 10 s", e);
        }
    }
}
