package io.parley.media;

import io.parley.http.JsonInput;

import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An image sent as {@code data:image/...;base64,...}. The type is taken from the bytes' magic
 * number (PNG, JPEG, GIF, WebP), never from the declared type, and the two must agree.
 */
public record ImageDataUri(String contentType, byte[] bytes) {
    private static final Pattern URI = Pattern.compile("data:(image/[a-z]+);base64,(.*)", Pattern.DOTALL);

    /** The decoded image, or empty after recording why on {@code input} under {@code field}. */
    public static ImageDataUri parse(JsonInput input, String field, String value, int maxBytes) {
        if (value == null) {
            return null;
        }
        Matcher m = URI.matcher(value);
        if (!m.matches()) {
            input.error(field, "Must be a data URI: data:image/png;base64,...");
            return null;
        }
        byte[] bytes;
        try {
            bytes = Base64.getMimeDecoder().decode(m.group(2));
        } catch (IllegalArgumentException e) {
            input.error(field, "The base64 data is malformed");
            return null;
        }
        if (bytes.length > maxBytes) {
            input.error(field, "The image is larger than " + maxBytes / 1024 + " KiB");
            return null;
        }
        String sniffed = sniff(bytes);
        if (sniffed == null) {
            input.error(field, "The data is not a PNG, JPEG, GIF or WebP image");
            return null;
        }
        String declared = m.group(1).equals("image/jpg") ? "image/jpeg" : m.group(1);
        if (!sniffed.equals(declared)) {
            input.error(field, "The data is " + sniffed + ", not the declared " + m.group(1));
            return null;
        }
        return new ImageDataUri(sniffed, bytes);
    }

    static String sniff(byte[] b) {
        if (starts(b, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return "image/png";
        }
        if (starts(b, 0, 0xFF, 0xD8, 0xFF)) {
            return "image/jpeg";
        }
        if (starts(b, 0, 'G', 'I', 'F', '8')) {
            return "image/gif";
        }
        if (starts(b, 0, 'R', 'I', 'F', 'F') && starts(b, 8, 'W', 'E', 'B', 'P')) {
            return "image/webp";
        }
        return null;
    }

    private static boolean starts(byte[] b, int offset, int... magic) {
        if (b.length < offset + magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((b[offset + i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    public String extension() {
        return contentType.substring("image/".length());
    }
}
