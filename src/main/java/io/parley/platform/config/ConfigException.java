package io.parley.platform.config;

/** A configuration problem found at start; the message names the key and where its value came from. */
public final class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }
}
