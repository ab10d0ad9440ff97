package io.parley.sticker;

/**
 * Discord's sticker format types, read from the image bytes: PNG (1), APNG (2) and GIF (4).
 * Lottie (3) is not accepted: it is JSON a client animates, and Discord limits it to partners.
 */
public enum StickerFormat {
    PNG(1, "image/png"), APNG(2, "image/png"), GIF(4, "image/gif");

    private final int type;
    private final String contentType;

    StickerFormat(int type, String contentType) {
        this.type = type;
        this.contentType = contentType;
    }

    public int type() {
        return type;
    }

    public String contentType() {
        return contentType;
    }

    /** The format of {@code bytes}, or null when they are none of the three. */
    public static StickerFormat of(byte[] bytes) {
        if (starts(bytes, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return animationControl(bytes) ? APNG : PNG;
        }
        if (starts(bytes, 'G', 'I', 'F', '8')) {
            return GIF;
        }
        return null;
    }

    /** An APNG is a PNG with an {@code acTL} chunk before its first {@code IDAT}; walk the chunks to find it. */
    private static boolean animationControl(byte[] b) {
        int at = 8;
        while (at + 8 <= b.length) {
            long length = ((b[at] & 0xFFL) << 24) | ((b[at + 1] & 0xFF) << 16) | ((b[at + 2] & 0xFF) << 8) | (b[at + 3] & 0xFF);
            String type = new String(b, at + 4, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
            if (type.equals("acTL")) {
                return true;
            }
            if (type.equals("IDAT") || length > b.length) {
                return false;
            }
            at += 12 + (int) length;
        }
        return false;
    }

    private static boolean starts(byte[] b, int... magic) {
        if (b.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((b[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
