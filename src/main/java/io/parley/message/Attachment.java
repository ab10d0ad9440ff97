package io.parley.message;

/** A stored file of a message; {@code url} is where the media routes serve it. */
public record Attachment(long id, String filename, String description, String contentType, long size, String url) {
}
