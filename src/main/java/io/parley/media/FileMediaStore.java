package io.parley.media;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.file.CopyOptions;
import io.vertx.core.file.FileSystem;
import io.vertx.core.file.OpenOptions;
import io.vertx.core.streams.ReadStream;

import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Media as plain files under one directory ({@code <data.dir>/attachments}), through Vert.x's
 * asynchronous file system so no event loop waits on the disk. A file is written under
 * {@code .incoming} first and moved into place, so a reader sees all of it or nothing.
 */
public final class FileMediaStore implements MediaStore {
    private static final Pattern KEY = Pattern.compile(
            "[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}(/[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}){0,7}");
    // A key segment never starts with a dot, so no key can name this directory.
    private static final String INCOMING = ".incoming";

    private final FileSystem fs;
    private final Path root;

    public FileMediaStore(Vertx vertx, Path root) {
        this.fs = vertx.fileSystem();
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public Future<Void> put(String key, Buffer bytes) {
        return write(key, incoming -> fs.writeFile(incoming, bytes));
    }

    @Override
    public Future<Void> put(String key, ReadStream<Buffer> content) {
        content.pause();
        return write(key, incoming -> fs.open(incoming, new OpenOptions().setWrite(true).setCreateNew(true))
                .compose(content::pipeTo));
    }

    @Override
    public Future<Optional<MediaFile>> open(String key) {
        String path = pathOf(key).toString();
        return fs.props(path).compose(props -> {
            if (!props.isRegularFile()) {
                return Future.succeededFuture(Optional.<MediaFile>empty());
            }
            return fs.open(path, new OpenOptions().setRead(true).setWrite(false).setCreate(false))
                    .map(file -> Optional.of(new MediaFile(props.size(), file, file::close)));
        }).recover(failure -> isMissing(failure)
                ? Future.succeededFuture(Optional.empty()) : Future.failedFuture(failure));
    }

    @Override
    public Future<Void> delete(String key) {
        return fs.delete(pathOf(key).toString())
                .recover(failure -> isMissing(failure) ? Future.succeededFuture() : Future.failedFuture(failure));
    }

    /** The file of {@code key}; throws when the key is malformed or would resolve outside the root. */
    Path pathOf(String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("Not a media key: " + key);
        }
        Path path = root.resolve(key).normalize();
        if (!path.startsWith(root) || path.equals(root)) {
            throw new IllegalArgumentException("Media key leaves the store: " + key);
        }
        return path;
    }

    private Future<Void> write(String key, Function<String, Future<Void>> writer) {
        Path target = pathOf(key);
        Path incomingDir = root.resolve(INCOMING);
        String incoming = incomingDir.resolve(UUID.randomUUID().toString()).toString();
        return fs.mkdirs(incomingDir.toString())
                .compose(v -> fs.mkdirs(target.getParent().toString()))
                .compose(v -> writer.apply(incoming))
                .compose(v -> fs.move(incoming, target.toString(),
                        new CopyOptions().setReplaceExisting(true).setAtomicMove(true)))
                .recover(failure -> fs.delete(incoming).transform(ignored -> Future.failedFuture(failure)));
    }

    private static boolean isMissing(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof NoSuchFileException) {
                return true;
            }
        }
        return false;
    }
}
