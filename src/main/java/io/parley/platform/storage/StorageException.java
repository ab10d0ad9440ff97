package io.parley.platform.storage;

/** Storage failed in a way the caller cannot fix: surfaces as a 500 with a request id. */
public final class StorageException extends RuntimeException {
    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
